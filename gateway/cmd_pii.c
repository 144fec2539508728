/* edgeway pii: scan text for PII and secrets.
 *   edgeway pii            stdin -> JSON array of spans
 *   edgeway pii --redact   stdin -> the text with [TYPE_n] placeholders
 *   edgeway pii --jsonl    lines {"id","text"} -> {"id","entities":[...]}
 *                          (with --redact: {"id","text"} pseudonymized)
 * Options: --types a,b,c  --min-score X  --allow VALUE  --deny TERM
 *          --deny-regex RE  --text (add the matched text to each span) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "edgeway/pii.h"
#include "gateway/commands.h"

#define CMD      "pii"
#define MAX_LIST 256

typedef struct pii_args {
    bool redact, text, jsonl;
    ew_pii_options opt;
    const char *allow[MAX_LIST];
    ew_pii_deny deny[MAX_LIST];
} pii_args;

static void usage(FILE *to)
{
    fprintf(to, "usage: edgeway pii [--jsonl] [--redact] [--text] [--types LIST] [--min-score X]\n"
                "                   [--allow VALUE]... [--deny TERM]... [--deny-regex RE]...\n"
                "Reads text on stdin. Prints a JSON array of {type,start,end,score} with byte\n"
                "offsets, or with --redact the text with placeholders such as [EMAIL_1].\n"
                "--jsonl reads one {\"id\":...,\"text\":...} per line and writes one\n"
                "{\"id\":...,\"entities\":[...]} per line (with --redact: {\"id\",\"text\"}).\n"
                "Types: email phone credit_card iban us_ssn uk_nino cn_resident_id passport\n"
                "ip_address mac_address crypto_address secret person street_address\n"
                "date_of_birth custom. Exit status 3 when the scan failed closed.\n");
}

static int parse_types(const char *list, uint32_t *mask)
{
    *mask = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        int t = ew_pii_type_from_name(p, l);
        if (t < 0) return -1;
        *mask |= EW_PII_BIT(t);
        p += l + (e != NULL);
    }
    return 0;
}

static int parse_args(int argc, char **argv, pii_args *a)
{
    ew_pii_options_init(&a->opt);
    a->opt.allow = a->allow;
    a->opt.deny = a->deny;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "--redact")) {
            a->redact = true;
        } else if (!strcmp(s, "--jsonl")) {
            a->jsonl = true;
        } else if (!strcmp(s, "--text")) {
            a->text = true;
        } else if (!strcmp(s, "--types") && val) {
            if (parse_types(val, &a->opt.enabled))
                return ew_cli_fail(CMD, "unknown type in '%s'", val);
            i++;
        } else if (!strcmp(s, "--min-score") && val) {
            char *end;
            double m = strtod(val, &end);
            if (*end || m < 0 || m > 1)
                return ew_cli_fail(CMD, "--min-score wants a number in [0,1]");
            for (int t = 0; t < EW_PII_TYPE_COUNT; t++)
                a->opt.min_score[t] = (float)m;
            i++;
        } else if (!strcmp(s, "--allow") && val && a->opt.n_allow < MAX_LIST) {
            a->allow[a->opt.n_allow++] = val;
            i++;
        } else if ((!strcmp(s, "--deny") || !strcmp(s, "--deny-regex")) && val &&
                   a->opt.n_deny < MAX_LIST) {
            a->deny[a->opt.n_deny++] =
                (ew_pii_deny){.pattern = val, .regex = s[6] == '-', .type = EW_PII_CUSTOM};
            i++;
        } else if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            usage(stdout);
            return -1;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (a->opt.n_deny && !(a->opt.enabled & EW_PII_BIT(EW_PII_CUSTOM)))
        return ew_cli_fail(CMD, "--deny and --deny-regex report type custom, which --types "
                                "leaves out (add custom)");
    return 0;
}

static int write_stdout(void *user, const char *data, size_t len)
{
    (void)user;
    return fwrite(data, 1, len, stdout) == len ? EW_OK : EW_ERR_IO;
}

static void write_spans(ew_jw *w, const ew_pii_result *res, const char *text, bool with_text)
{
    ew_jw_array_begin(w);
    for (int i = 0; i < res->n; i++) {
        const ew_pii_span *sp = &res->spans[i];
        ew_jw_object_begin(w);
        ew_jw_key(w, "type");
        ew_jw_string(w, ew_pii_type_name(sp->type));
        ew_jw_key(w, "start");
        ew_jw_uint(w, sp->start);
        ew_jw_key(w, "end");
        ew_jw_uint(w, sp->end);
        ew_jw_key(w, "score");
        ew_jw_double(w, (double)(int)(sp->score * 1000 + 0.5f) / 1000.0);
        if (with_text) {
            ew_jw_key(w, "text");
            ew_jw_stringn(w, text + sp->start, sp->end - sp->start);
        }
        ew_jw_object_end(w);
    }
    ew_jw_array_end(w);
}

static void write_id(ew_jw *w, const ew_json_doc *doc, int id)
{
    ew_jw_key(w, "id");
    size_t len;
    const char *raw = ew_json_raw(doc, id, &len);
    switch (ew_json_type_of(doc, id)) {
    case EW_JSON_NUMBER:
    case EW_JSON_BOOL:
    case EW_JSON_NULL:
        ew_jw_raw(w, raw, len);
        break;
    case EW_JSON_STRING: {
        ew_buf tmp;
        ew_buf_init(&tmp, len + 1);
        if (!ew_json_string_buf(doc, id, &tmp))
            ew_jw_stringn(w, tmp.data ? tmp.data : "", tmp.len);
        else
            ew_jw_null(w);
        ew_buf_cleanup(&tmp);
        break;
    }
    default:
        ew_jw_null(w);
    }
}

static int append_buf(void *user, const char *data, size_t len)
{
    return ew_buf_append((ew_buf *)user, data, len);
}

/* One {"id","text"} line; writes the answer line into out. Returns 0 or 1. */
static int jsonl_line(const ew_pii_scanner *sc, const pii_args *a, const char *line, size_t len,
                      ew_pii_result *res, ew_buf *out)
{
    ew_json_doc doc;
    ew_error err;
    ew_error_clear(&err);
    ew_jw w;
    ew_jw_init(&w, out);
    ew_jw_object_begin(&w);
    int rc = 0;
    if (ew_json_parse(&doc, line, len, NULL, &err)) {
        ew_jw_key(&w, "id");
        ew_jw_null(&w);
        ew_jw_key(&w, "error");
        ew_jw_string(&w, err.message);
        ew_jw_object_end(&w);
        return 1;
    }
    int id = ew_json_get(&doc, 0, "id"), tv = ew_json_get(&doc, 0, "text");
    write_id(&w, &doc, id);
    ew_buf text;
    ew_buf_init(&text, a->opt.max_input + 1);
    if (ew_json_type_of(&doc, tv) != EW_JSON_STRING) {
        ew_jw_key(&w, "error");
        ew_jw_string(&w, "\"text\" must be a string");
        rc = 1;
    } else {
        /* over the limit still goes through the scanner, which fails closed */
        ew_json_string_buf(&doc, tv, &text);
        const char *t = text.data ? text.data : "";
        ew_pii_scan(sc, t, text.len, res);
        if (a->redact) {
            ew_buf red;
            ew_buf_init(&red, (size_t)64 << 20);
            ew_pii_vault *v = ew_pii_vault_new(0);
            int st =
                v ? ew_pii_vault_pseudonymize(v, t, text.len, res->spans, res->n, append_buf, &red)
                  : EW_ERR_NOMEM;
            ew_jw_key(&w, st ? "error" : "text");
            if (st)
                ew_jw_string(&w, ew_strerror(st));
            else
                ew_jw_stringn(&w, red.data ? red.data : "", red.len);
            rc = st != 0;
            ew_pii_vault_free(v);
            if (red.data) explicit_bzero(red.data, red.len);
            ew_buf_cleanup(&red);
        } else {
            ew_jw_key(&w, "entities");
            write_spans(&w, res, t, a->text);
        }
        if (res->failed_closed) {
            ew_jw_key(&w, "failed_closed");
            ew_jw_bool(&w, true);
        }
    }
    ew_jw_object_end(&w);
    if (text.data) explicit_bzero(text.data, text.len);
    ew_buf_cleanup(&text);
    ew_json_doc_cleanup(&doc);
    return rc;
}

static int run_jsonl(const ew_pii_scanner *sc, const pii_args *a)
{
    ew_pii_result res;
    ew_pii_result_init(&res);
    ew_buf out;
    ew_buf_init(&out, (size_t)256 << 20);
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int bad = 0;
    size_t max_line = a->opt.max_input * 6 + 4096; /* JSON escaping can grow text 6x */
    while ((got = getline(&line, &cap, stdin)) > 0) {
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (!len) continue;
        ew_buf_reset(&out);
        if (len > max_line) {
            ew_buf_append_str(&out, "{\"id\":null,\"error\":\"line too long\"}");
            bad = 1;
        } else {
            bad |= jsonl_line(sc, a, line, len, &res, &out);
        }
        ew_buf_append_char(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
    }
    free(line);
    ew_buf_cleanup(&out);
    ew_pii_result_cleanup(&res);
    return bad;
}

int ew_cmd_pii(int argc, char **argv)
{
    pii_args *a = calloc(1, sizeof *a);
    if (!a) return ew_cli_fail(CMD, "out of memory");
    int rc = parse_args(argc, argv, a);
    if (rc) {
        free(a);
        return rc < 0 ? 0 : rc;
    }
    ew_error err;
    ew_error_clear(&err);
    ew_pii_scanner *sc = ew_pii_scanner_new(&a->opt, &err);
    ew_buf in, out;
    /* room past the limit, so that oversized input reaches the scanner and fails closed */
    ew_buf_init(&in, a->opt.max_input + (256u << 10));
    ew_buf_init(&out, (size_t)256 << 20);
    ew_pii_result res;
    ew_pii_result_init(&res);
    ew_pii_vault *v = NULL;
    if (!sc) {
        rc = ew_cli_fail(CMD, "%s", err.message);
        goto out;
    }
    if (a->jsonl) {
        rc = run_jsonl(sc, a);
        goto out;
    }
    int st = ew_cli_read_file("-", &in, &err);
    if (st && st != EW_ERR_TOO_LARGE) {
        rc = ew_cli_fail(CMD, "%s", err.message);
        goto out;
    }
    /* over the limit still goes through the scanner, which fails closed */
    st = ew_pii_scan(sc, in.data ? in.data : "", in.len, &res);
    if (a->redact) {
        v = ew_pii_vault_new(0);
        if (!v || ew_pii_vault_pseudonymize(v, in.data ? in.data : "", in.len, res.spans, res.n,
                                            write_stdout, NULL)) {
            rc = ew_cli_fail(CMD, "could not write the redacted text");
            goto out;
        }
    } else {
        ew_jw w;
        ew_jw_init(&w, &out);
        write_spans(&w, &res, in.data, a->text);
        if (w.status || ew_buf_append_char(&out, '\n')) {
            rc = ew_cli_fail(CMD, "output too large");
            goto out;
        }
        fwrite(out.data, 1, out.len, stdout);
    }
    if (res.failed_closed) {
        fprintf(stderr, "edgeway pii: scan failed closed (%s): treat as secret\n", ew_strerror(st));
        rc = 3;
    }
out:
    ew_pii_vault_free(v);
    ew_pii_result_cleanup(&res);
    if (in.data) explicit_bzero(in.data, in.len);
    ew_buf_cleanup(&in);
    ew_buf_cleanup(&out);
    ew_pii_scanner_free(sc);
    free(a);
    return rc;
}
