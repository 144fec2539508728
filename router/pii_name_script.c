/* Person names in scripts the capitalised-run reader cannot read: Hebrew,
 * Arabic (and Persian, Urdu), the Indic scripts, Thai, Lao, Burmese, Khmer,
 * Ethiopic and Georgian have no capitals, and Greek, Armenian and Cyrillic
 * names of cultures without a Russian surname's ending need cue words. A name
 * here is one to three words of one script right after a cue: a label
 * ("Ονοματεπώνυμο:", "नाम:", "ชื่อ-นามสกุล:"), an introduction ("שמי", "मेरा
 * नाम", "اسمي"), a salutation or honorific ("عزيزي", "प्रिय", "Հարգելի"),
 * or a Latin one read earlier ("Name:", "my name is"). Without a cue two
 * words make a name when the gazetteer has the first as a given name and the
 * second as a surname. */
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

enum {
    SC_NONE,
    SC_GREEK,
    SC_CYRILLIC,
    SC_ARMENIAN,
    SC_HEBREW,
    SC_ARABIC,
    SC_THAI,
    SC_LAO,
    SC_GEORGIAN,
    SC_MYANMAR,
    SC_ETHIOPIC,
    SC_KHMER,
    SC_INDIC, /* + the block's number: Devanagari, Bengali, ..., Sinhala */
};

/* The script of a letter (or combining mark) of these scripts; SC_NONE for
 * anything else, the scripts' punctuation and digits included (، ؛ । ॥). */
static int script_of(uint32_t cp)
{
    if (cp < 0x370) return SC_NONE;
    if (cp <= 0x3FF) return cp == 0x37E || cp == 0x387 ? SC_NONE : SC_GREEK;
    if (cp <= 0x4FF) return SC_CYRILLIC;
    if (cp >= 0x531 && cp <= 0x587) return cp >= 0x557 && cp <= 0x560 ? SC_NONE : SC_ARMENIAN;
    if (cp >= 0x591 && cp <= 0x5F2) return cp == 0x5BE || cp == 0x5C0 ? SC_NONE : SC_HEBREW;
    if (cp >= 0x610 && cp <= 0x6FF)
        return cp == 0x60C || cp == 0x61B || cp == 0x61F || cp == 0x6D4 ||
                       (cp >= 0x660 && cp <= 0x66D) || (cp >= 0x6F0 && cp <= 0x6F9)
                   ? SC_NONE
                   : SC_ARABIC;
    if (cp >= 0x900 && cp <= 0xDFF) /* the Indic blocks; not dandas or digits */
        return cp == 0x964 || cp == 0x965 || ((cp & 0x7F) >= 0x66 && (cp & 0x7F) <= 0x6F)
                   ? SC_NONE
                   : SC_INDIC + (int)((cp - 0x900) >> 7);
    if (cp >= 0xE01 && cp <= 0xE4E) return cp == 0xE2F || cp == 0xE46 ? SC_NONE : SC_THAI;
    if (cp >= 0xE81 && cp <= 0xEDF) return SC_LAO;
    if (cp >= 0x1000 && cp <= 0x109F) return cp >= 0x1040 && cp <= 0x104F ? SC_NONE : SC_MYANMAR;
    if (cp >= 0x10A0 && cp <= 0x10FF) return SC_GEORGIAN;
    if (cp >= 0x1200 && cp <= 0x135F) return SC_ETHIOPIC;
    if (cp >= 0x1780 && cp <= 0x17DD) return cp >= 0x17D4 && cp <= 0x17DA ? SC_NONE : SC_KHMER;
    return SC_NONE;
}

int ew__pii_script_at(const unsigned char *s, size_t n, size_t i)
{
    int l;
    return script_of(ew__pii_decode(s, n, i, &l));
}

/* End of the word of script sc at i (its letters, marks and joiners). */
static size_t word_end(const unsigned char *s, size_t n, size_t i, int sc)
{
    while (i < n && s[i] >= 0x80) {
        int l;
        uint32_t cp = ew__pii_decode(s, n, i, &l);
        if (script_of(cp) != sc && cp != 0x200C && cp != 0x200D) break;
        i += (size_t)l;
    }
    return i;
}

/* A word and its length in bytes. */
typedef struct sized {
    const char *w;
    size_t l;
} sized;
#define S(w)                                                                                       \
    {                                                                                              \
        w, sizeof w - 1                                                                            \
    }

/* Labels, followed by a colon ("Ονοματεπώνυμο: X", "नाम: X", "ชื่อ-นามสกุล: X"). */
static const sized labels[] = {
    S("Ονοματεπώνυμο"),
    S("ονοματεπώνυμο"),
    S("Όνομα"),
    S("όνομα"),
    S("Επώνυμο"),
    S("επώνυμο"), /* Greek */
    S("Անուն"),
    S("անուն"),
    S("Ազգանուն"),
    S("ազգանուն"), /* Armenian */
    S("שם"),
    S("שם מלא"), /* Hebrew */
    S("الاسم"),
    S("الاسم الكامل"),
    S("نام"), /* Arabic; Persian and Urdu */
    S("नाम"),
    S("পূর্ণ নাম"),
    S("নাম"),  /* Hindi, Nepali; Bengali */
    S("பெயர்"), /* Tamil */
    S("નામ"),  /* Gujarati */
    S("ਨਾਮ"),  /* Gurmukhi */
    S("పేరు"),  /* Telugu */
    S("ಹೆಸರು"), /* Kannada */
    S("പേര്"),  /* Malayalam */
    S("නම"),   /* Sinhala */
    S("အမည်"),  /* Burmese */
    S("ឈ្មោះ"), /* Khmer */
    S("ຊື່"),    /* Lao */
    S("ስም"),   /* Amharic */
    S("Имя"),
    S("имя"),
    S("ФИО"),
    S("Фамилия"),
    S("Нэр"), /* Mongolian */
    S("Овог"),
    S("Ім\xca\xbcя"),
    S("Име"), /* Bulgarian, Serbian, Macedonian */
    S("Презиме"),
    S("ชื่อ"),
    S("นามสกุล"),
    S("ชื่อ-นามสกุล"),
    S("სახელი"),
    S("გვარი"), /* Thai; Georgian */
};

/* Introductions, salutations and honorifics, with or without a colon. */
static const sized cues[] = {
    /* Greek: S("they call me"), dear, Mr, Mrs */
    S("κ."),
    S("κα"),
    S("Με εκτίμηση"),
    S("με εκτίμηση"),
    S("Φιλικά"),
    S("בברכה"),
    S("مع التحية"),
    S("وتقبلوا فائق الاحترام"),
    S("С уважением"),
    S("с уважением"),
    S("Меня зовут"),
    S("меня зовут"),
    S("господин"),
    S("госпожа"),
    S("λένε"),
    S("Αγαπητέ"),
    S("Αγαπητή"),
    S("αγαπητέ"),
    S("αγαπητή"),
    S("κύριος"),
    S("κυρία"),
    S("κύριε"),
    S("Κύριε"),
    S("Κυρία"),
    /* Armenian: S("my name"), Mr, Mrs, dear */
    S("անունս"),
    S("Պարոն"),
    S("պարոն"),
    S("Տիկին"),
    S("տիկին"),
    S("Հարգելի"),
    S("հարգելի"),
    /* Hebrew: my name, S("they call me"), Mr, Mrs, to (letters) */
    S("שמי"),
    S("קוראים לי"),
    S("מר"),
    S("גב'"),
    S("לכבוד"),
    /* Arabic: my name, dear, Mr, Mrs, Prof., Dr; Persian and Urdu: my name,
     * Mr, Mrs, sir, dear */
    S("اسمي"),
    S("عزيزي"),
    S("عزيزتي"),
    S("السيد"),
    S("السيدة"),
    S("الأستاذ"),
    S("الأستاذة"),
    S("الدكتور"),
    S("الدكتورة"),
    S("نام من"),
    S("آقای"),
    S("خانم"),
    S("جناب"),
    S("محترم"),
    S("محترمہ"),
    S("میرا نام"),
    /* Hindi, Nepali: my name, dear, Mr, Mrs, Ms, Dr; Bengali: my name, dear, Mr, Mrs */
    S("मेरा नाम"),
    S("मेरो नाम"),
    S("प्रिय"),
    S("श्री"),
    S("श्रीमती"),
    S("सुश्री"),
    S("डॉ."),
    S("আমার নাম"),
    S("প্রিয়"),
    S("জনাব"),
    S("শ্রী"),
    S("শ্রীমতী"),
    /* Thai: Khun, Mr, Mrs, Miss */
    S("คุณ"),
    S("นาย"),
    S("นาง"),
    S("นางสาว"),
    /* Georgian: S("I am called"), Mr, Mrs, dear */
    S("მქვია"),
    S("ბატონი"),
    S("ქალბატონი"),
    S("ბატონო"),
    S("ქალბატონო"),
    S("ძვირფასო"),
};

/* Words a name does not take: copulas, honorifics written after the name,
 * conjunctions, and the addressees of salutations ("عزيزي العميل", "प्रिय
 * ग्राहक": dear customer). */
static const sized ends[] = {
    S("العميل"), S("العملاء"), S("المستخدم"), S("الزبون"), S("ग्राहक"),  S("उपयोगकर्ता"), S("গ্রাহক"),
    S("לקוח"),   S("לקוחות"),  S("ลูกค้า"),     S("πελάτη"), S("Πελάτη"), S("है"),         S("हैं"),
    S("हूँ"),      S("हूं"),       S("जी"),       S("और"),     S("का"),     S("की"),        S("के"),
    S("को"),     S("ने"),       S("से"),        S("हो"),     S("এবং"),    S("আমি"),       S("আমার"),
    S("ואני"),   S("אני"),     S("את"),       S("של"),     S("הוא"),    S("היא"),       S("ורוצה"),
    S("و"),      S("من"),      S("في"),       S("على"),    S("هو"),     S("هي"),        S("أنا"),
    S("ورقم"),   S("ครับ"),     S("ค่ะ"),       S("คะ"),     S("และ"),    S("და"),        S("και"),
    S("από"),    S("με"),      S("στο"),      S("և"),      S("եւ"),
};

/* Arabic words that join a name's parts: son of, daughter of, father of. */
static const sized links[] = {S("بن"), S("بنت"), S("ابن"), S("أبو")};

static bool in_list(const unsigned char *s, size_t a, size_t e, const sized *list, size_t k)
{
    for (size_t j = 0; j < k; j++)
        if (list[j].l == e - a && !memcmp(s + a, list[j].w, e - a)) return true;
    return false;
}

/* Does one of list[] end at k as a whole word? */
static bool word_ends_at(const pii_ctx *c, size_t k, const sized *list, size_t m)
{
    const unsigned char *s = c->s;
    for (size_t j = 0; j < m; j++) {
        size_t l = list[j].l;
        /* the last byte first: most cues differ there */
        if (l > k || s[k - 1] != (unsigned char)list[j].w[l - 1] || memcmp(s + k - l, list[j].w, l))
            continue;
        size_t b = k - l; /* nothing of the cue's script glued before it */
        if (b == 0 || s[b - 1] < 0x80) return true;
        size_t p = b - 1;
        while (p > 0 && (s[p] & 0xC0) == 0x80)
            p--;
        if (ew__pii_script_at(s, c->n, p) == SC_NONE) return true;
    }
    return false;
}

/* Is there a cue right before i: a Latin one the driver read ("Name:", "my
 * name is"), a label and a colon, or an introduction? */
static bool cue_before(const pii_ctx *c, size_t i)
{
    if ((c->name_next_at != CUE_NONE && i >= c->name_next_at && i - c->name_next_at <= 2) ||
        (c->title_at != CUE_NONE && i >= c->title_at && i - c->title_at <= 2))
        return true;
    const unsigned char *s = c->s;
    size_t k = i;
    bool colon = false;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        k--;
    bool line = k > 0 && s[k - 1] == '\n'; /* a closing ends the line above */
    while (line && k > 0 && (s[k - 1] == '\n' || s[k - 1] == '\r'))
        k--;
    if (k > 0 && s[k - 1] == ':') {
        colon = true;
        k--;
    } else if (k >= 3 && s[k - 3] == 0xEF && s[k - 2] == 0xBC && s[k - 1] == 0x9A) {
        colon = true; /* ： */
        k -= 3;
    } else if (k > 0 && s[k - 1] == ',') {
        k--; /* "Με εκτίμηση,\n" */
    }
    while (k > 0 && s[k - 1] == ' ')
        k--;
    return (colon && word_ends_at(c, k, labels, sizeof labels / sizeof labels[0])) ||
           word_ends_at(c, k, cues, sizeof cues / sizeof cues[0]);
}

/* An Arabic family name by its shape: "al-" and a nisba's "-i" ("العتيبي"). */
static bool nisba(const unsigned char *s, size_t a, size_t e)
{
    return e - a >= 10 && !memcmp(s + a, "\xd8\xa7\xd9\x84", 4) &&
           !memcmp(s + e - 2, "\xd9\x8a", 2);
}

/* Two words without a cue that make a name: a given name and a surname or
 * another given name the gazetteer knows (in either order in the cased
 * scripts), in the script's
 * own spelling or in Latin letters ("Шевчук" as "shevchuk"); an Arabic
 * given name before a nisba. In Greek, Armenian and Cyrillic, where both
 * words are capitalised already, one known name of the two will do. */
static bool name_pair(const unsigned char *s, const size_t *ws, const size_t *wz, bool cased)
{
    unsigned g0 = ew__pii_script_gaz(s, ws[0], wz[0]), g1 = ew__pii_script_gaz(s, ws[1], wz[1]);
    const unsigned name = EW__GAZ_FIRST | EW__GAZ_LAST;
    if ((g0 & EW__GAZ_FIRST) && (g1 & name)) return true;
    /* the surname first ("Смирнов Алексей") where capitals mark both words;
     * not "गांधी मार्ग" (a street) */
    if (cased && (g0 & EW__GAZ_LAST) && (g1 & EW__GAZ_FIRST)) return true;
    if ((g0 & EW__GAZ_FIRST) && nisba(s, ws[1], wz[1])) return true;
    return cased && ((g0 | g1) & name);
}

/* The character before i is a letter of script sc: i starts no word. */
static bool inside_word(const unsigned char *s, size_t n, size_t i, int sc)
{
    if (i == 0) return false;
    if (s[i - 1] < 0x80) return pii_is_alnum(s[i - 1]) || s[i - 1] == '_';
    size_t p = i - 1;
    while (p > 0 && (s[p] & 0xC0) == 0x80)
        p--;
    return ew__pii_script_at(s, n, p) == sc;
}

size_t ew__pii_scan_script_name(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    int sc = ew__pii_script_at(s, n, i);
    if (sc == SC_NONE || inside_word(s, n, i, sc)) return 0;
    bool cased = sc == SC_GREEK || sc == SC_ARMENIAN || sc == SC_CYRILLIC;
    bool cued = cue_before(c, i);
    size_t ws[3], wz[3];
    int k = 0;
    for (size_t p = i; k < 3;) {
        size_t e = word_end(s, n, p, sc);
        if (e == p || in_list(s, p, e, ends, sizeof ends / sizeof ends[0])) break;
        int l;
        uint32_t cp = ew__pii_decode(s, n, p, &l);
        if (cased && !((cp >= 0x386 && cp <= 0x3AB) || (cp >= 0x531 && cp <= 0x556) ||
                       (cp >= 0x400 && cp <= 0x42F)))
            break; /* Greek, Armenian and Cyrillic names are capitalised */
        ws[k] = p, wz[k] = e, k++;
        /* a third word only after a connector: "بن", "بنت", "ابن", "أبو" */
        if (k == 2 && !(sc == SC_ARABIC && in_list(s, ws[1], wz[1], links, 4))) break;
        if (e + 1 >= n || s[e] != ' ') break;
        p = e + 1;
    }
    if (k == 0) return 0;
    float score = 0.85f;
    if (!cued) {
        if (k < 2 || !name_pair(s, ws, wz, cased)) return 0;
        score = 0.7f;
    }
    ew__pii_add(c, EW_PII_PERSON, ws[0], wz[k - 1], score);
    return wz[k - 1];
}
