/* Secret rules found by scoring other people's examples (gitleaks' rule
 * tests, bench/pii_secrets_external.py), each shown firing and not firing:
 * assignment syntaxes (Go's declared type, compound operators, an XML
 * element's value on its own line), describing words only as parts of a
 * key's name, and host names as values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "edgeway/pii.h"
#include "tests/unit/pii_result_fixture.h"
#include "tests/unit/pii_secret_check.h"

#define KEY "q7h1rm7d753jzzilzevpvcja2bu7pathklyn7jhr"

static void test_declared_type(void **state)
{
    (void)state;
    SECRET("var deployToken string = \"" KEY "\"", KEY);
    SECRET("var api_key []byte = \"" KEY "\"", KEY);
    SECRET("const authToken *string = \"" KEY "\"", KEY);
    /* a comparison, and a type that is not followed by '=' */
    NO_SECRET("if authToken string == \"" KEY "\"");
    NO_SECRET("the token string is long and made of letters");
}

static void test_compound_operators(void **state)
{
    (void)state;
    SECRET("DEPLOY_TOKEN ?= \"" KEY "\"", KEY);
    SECRET("$deployToken .= \"" KEY "\"", KEY);
    SECRET("$deployToken ?\?= \"" KEY "\"", KEY);
    SECRET("@api_token ||= \"" KEY "\"", KEY);
    SECRET("API_TOKEN += " KEY, KEY);
    /* the same operators on names that hold no secret */
    NO_SECRET("BUILD_FLAGS ?= \"" KEY "\"");
    NO_SECRET("$html .= \"" KEY "\"");
    NO_SECRET("$token_ttl ?\?= \"86400\"");
}

static void test_xml_value_below(void **state)
{
    (void)state;
    SECRET("<deployToken>\n    " KEY "\n</deployToken>", KEY);
    SECRET("<password>\r\n\tCorrect-Horse9\r\n</password>", "Correct-Horse9");
    /* a property list's <key> names a setting; a value that is not alone */
    NO_SECRET("<key>\n    CFBundleIdentifier\n</key>");
    NO_SECRET("<deployToken>\n    " KEY "\n    more\n</deployToken>");
    NO_SECRET("<description>\n    " KEY "\n</description>");
}

static void test_describing_words_as_parts(void **state)
{
    (void)state;
    /* "algo" inside algolia, "ttl" inside settlemint, "change" inside exchange */
    SECRET("algoliaKey = \"ec564b4c1dc79878fde8c7e7836ba993\"", "ec564b4c1dc79878fde8c7e7836ba993");
    SECRET("settlemintToken = \"zs89xtpqhdabqdiy\"", "zs89xtpqhdabqdiy");
    SECRET("EXCHANGE_API_SECRET = \"" KEY "\"", KEY);
    /* the same words as parts still describe: a TTL, an algorithm, a public key */
    NO_SECRET("token_ttl = \"zs89xtpqhdabqdiy\"");
    NO_SECRET("jwtAlgo = \"" KEY "\"");
    NO_SECRET("publicKey = \"" KEY "\"");
    NO_SECRET("token_change_reason = \"" KEY "\"");
    NO_SECRET("publickey = \"" KEY "\""); /* one piece: anywhere counts */
}

static void test_host_values(void **state)
{
    (void)state;
    NO_SECRET("X-MS-Exchange-Organization-AuthSource: sm02915.int.contoso.com");
    NO_SECRET("auth_server = db-1.prod.internal");
    /* dotted keys: mixed case, or a last label with digits */
    SECRET("auth_token = dt0c01.gc5vdk3nmrghhn9vq3qc6m71.82z1353dtyx3iijmxs5aue",
           "dt0c01.gc5vdk3nmrghhn9vq3qc6m71.82z1353dtyx3iijmxs5aue");
    SECRET("auth_token = Xk9fQ2mLp4Rt8vWz.Hq3NsY7cUe5Jb1", "Xk9fQ2mLp4Rt8vWz.Hq3NsY7cUe5Jb1");
}

static void test_documented_formats(void **state)
{
    (void)state;
    SECRET("A3-ASWWYB-798JRYLJVD4-23DC2-86TVM-H43EB", "A3-ASWWYB-798JRYLJVD4-23DC2-86TVM-H43EB");
    SECRET("key: A3-ASWWYB-798JRY-LJVD4-23DC2-86TVM-H43EB",
           "A3-ASWWYB-798JRY-LJVD4-23DC2-86TVM-H43EB");
    NO_SECRET("A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX"); /* the format as documented */
    NO_SECRET("part A3-ASWWYB-798JRY-LJVD4 of the form"); /* too few groups */
    SECRET("(QtT8Q~9C-_Ij~RouHVpD2Tuf3oHWGh.DQ3kcjbAn)",
           "QtT8Q~9C-_Ij~RouHVpD2Tuf3oHWGh.DQ3kcjbAn");
    /* a leading '~' stays outside the span when the scan meets the letter first */
    SECRET("<v>~Gg8Q~nVhlLi2vpg_nXBGqFsbGK-t~Hus1JmTa0y</v>",
           "Gg8Q~nVhlLi2vpg_nXBGqFsbGK-t~Hus1JmTa0y");
    NO_SECRET("see 12.3Q~ in the table of contents for the release notes of this chapter");
    SECRET("token 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",
           "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");
    NO_SECRET("API_ORG_EXIST = api_org_exist");
    SECRET("EZAKez6XP2hQw3gnkC5VsvyzmM7PKovB4DEdPUSAlUPSz6hUSxVWmUgVXJ",
           "EZAKez6XP2hQw3gnkC5VsvyzmM7PKovB4DEdPUSAlUPSz6hUSxVWmUgVXJ");
    SECRET("oc login --token=sha256~Mju96tisCkY1_UjK5Ox4UAkf7mtWSmp4EqPl8yGbTmz",
           "sha256~Mju96tisCkY1_UjK5Ox4UAkf7mtWSmp4EqPl8yGbTmz");
    NO_SECRET("digest sha256~ of the image");
    SECRET("AWS_TOKEN ABIAVHDYQRDEOJGXAOFT", "ABIAVHDYQRDEOJGXAOFT");
    NO_SECRET("the ACCA is an association of accountants");
}

static void test_more_assignment_forms(void **state)
{
    (void)state;
    /* a spaced dash before a quoted value */
    SECRET("twitch token - 'k0lj2mwl8n3ztmrivlpbc7obk914sj'", "k0lj2mwl8n3ztmrivlpbc7obk914sj");
    NO_SECRET("the token - k0lj2mwl8n3ztmrivlpbc7obk914sj");        /* unquoted: a dash in prose */
    NO_SECRET("best practices - 'k0lj2mwl8n3ztmrivlpbc7obk914sj'"); /* no key before it */
    NO_SECRET("secret - a story about 'k0lj2mwl8n3ztmrivlpbc7obk914sj'");
    /* a subscript and escaped JSON */
    SECRET("os.environ[\"OPENAI_API_KEY\"] = '1bb7dde73fe449de229361ea03bab234'",
           "1bb7dde73fe449de229361ea03bab234");
    NO_SECRET("os.environ[\"OPENAI_API_KEY\"] = os.getenv(\"KEY\")");
    SECRET("{\\\"username\\\": \\\"conexp\\\", \\\"password\\\": \\\"FTA@CNCF0n@zure3\\\"}",
           "FTA@CNCF0n@zure3");
    /* "key" glued to what it opens */
    SECRET("SUMOLOGIC_ACCESSKEY=\"3HSa1hQfz6BYzlxf7Yb1WKG3Hyovm56LMFChV2y9Lg\"",
           "3HSa1hQfz6BYzlxf7Yb1WKG3Hyovm56LMFChV2y9Lg");
    NO_SECRET("monkey=\"3HSa1hQfz6BYzlxf7Yb1WKG3Hyovm56LMFChV2y9Lg\"");
    NO_SECRET("hotkey=\"3HSa1hQfz6BYzlxf7Yb1WKG3Hyovm56LMFChV2y9Lg\"");
}

static void test_token_after_label(void **state)
{
    (void)state;
    SECRET("<secret>{beamer AQAAABAAA _FXYx2kyyNv6n_CBb9LrMHZPXa_S8iaj89zYn9mICmkB4=}</secret>",
           "_FXYx2kyyNv6n_CBb9LrMHZPXa_S8iaj89zYn9mICmkB4=");
    /* prose, and a second random word before it: not a label */
    NO_SECRET("\"token_expired\": \"Your session has expired please login again\"");
    NO_SECRET("api_key: \"word and dXNlcm5hbWU6cGFzc3dvcmQ=\""); /* base64 "username:password" */
}

static void test_code_names_as_values(void **state)
{
    (void)state;
    /* words in camel case, a version, a member named like the key, a size */
    NO_SECRET("public static final String API_ORG_EXIST = \"APIOrganizationExist\";");
    NO_SECRET("\"report_key\": \"QuarterlySalesResults-1.2\"");
    NO_SECRET("notes = \"Maven - io.jsonwebtoken:jjwt-jackson-0.11.2\"");
    NO_SECRET("BlindKeySignatures = Ed25519.BlindKeySignatures");
    NO_SECRET("doc.Security.KeySize = PdfEncryptionKeySize.Key128Bit;");
    NO_SECRET("passwordVariable: 'PASSWORD'");
    /* random letters make short parts; digits break the words; a password
     * may be words */
    SECRET("api_token = \"PsvVHMtfecsbsdScIMRjhReQYUBOZqOJTs\"",
           "PsvVHMtfecsbsdScIMRjhReQYUBOZqOJTs");
    SECRET("client_secret = \"Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB\"",
           "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB");
    SECRET("password = \"CorrectHorseBatteryStaple\"", "CorrectHorseBatteryStaple");
    SECRET("adminPassword: ADMIN_2024!", "ADMIN_2024!");
    /* code where a value goes: a call, a command line's flags, a slug of words
     * (router/pii_secret_code.c); a password may still be words or flags-free */
    NO_SECRET("const logoKeyValues = companyLogos.map((logo: ICompanyLogo) => ({");
    NO_SECRET("\"First_pass\": \"-pass 1 -an -sn -c:v libaom-av1 -b:v 2M\"");
    NO_SECRET("st.download_button(key=\"download_file_with_predictions\", data=buf)");
    SECRET("api_key = \"sk_live_4eC39HqLyjWDarjtT1zdp7dcXyZ12\"",
           "sk_live_4eC39HqLyjWDarjtT1zdp7dcXyZ12");
    SECRET("password = \"correct_horse_battery_staple\"", "correct_horse_battery_staple");
    SECRET("password = \"correct horse -battery staple\"", "correct horse -battery staple");
}

static void test_provider_name_as_cue(void **state)
{
    (void)state;
    SECRET("cloudflare: \"" KEY "\"", KEY);
    SECRET("{\"mailjet\": \"" KEY "\", \"from\": \"ops@example.org\"}", KEY);
    SECRET("DATADOG=74bf20f876ffc474c0251908fcdce4b3", "74bf20f876ffc474c0251908fcdce4b3");
    SECRET("mailgun " KEY, KEY);
    SECRET("Mistral: " KEY, KEY);
    /* a provider's name inside a longer name, a setting, a scope, prose */
    NO_SECRET("cloudflare_zone_id: 023e105f4ecef8ad9ca31a8372d0c353");
    NO_SECRET("cloudflare: enabled\ndatadog: false");
    NO_SECRET("client = Contentful::Management::Client.new(token)");
    NO_SECRET("we moved the dns to cloudflare last week");
}

static void test_shell_stdin(void **state)
{
    (void)state;
    SECRET("printf '%s' 'Hekla#4521' | docker login ghcr.io -u ci --password-stdin", "Hekla#4521");
    SECRET("echo " KEY " | gh auth login --with-token", KEY);
    SECRET("echo -n \"" KEY "\" | vercel env add SUPABASE_SERVICE_KEY production", KEY);
    SECRET("echo -n '" KEY "' | kubectl create secret generic api --from-file=token=/dev/stdin",
           KEY);
    SECRET("read -r API_TOKEN <<< \"" KEY "\"", KEY);
    SECRET("vault login - <<< " KEY, KEY);
    SECRET("chpasswd <<< deploy:Xk9.2.3!aa", "Xk9.2.3!aa"); /* user:password lines */
    SECRET("echo 'deploy:Xk9.2.3!aa' | chpasswd", "Xk9.2.3!aa");
    /* a variable, a command that reads no secret, a sentence, a word */
    NO_SECRET("echo \"$CR_PAT\" | docker login ghcr.io -u ci --password-stdin");
    NO_SECRET("echo " KEY " | sha256sum");
    NO_SECRET("echo \"my password is here\" | mail -s password root");
    NO_SECRET("echo hello | grep token");
    NO_SECRET("read -r LINE <<< \"" KEY "\"");
}

static void test_secret_names_as_values(void **state)
{
    (void)state;
    SECRET("{\"name\": \"Cookie\", \"value\": \"sessionid=" KEY "; theme=dark\"}", KEY);
    SECRET("headers = {'Cookie': 'PHPSESSID=" KEY "'}", KEY);
    /* a Secret's key named in Kubernetes style; base64 of a key's name */
    NO_SECRET("existingSecretPasswordKey: redis-password");
    NO_SECRET("adminPasswordKey: postgres-password");
    NO_SECRET("kind: Secret\ndata:\n  password: cGFzc3dvcmQ=");
    SECRET("REACT_APP_MAILER_PASSWORD=smtp_password", "smtp_password");
}

static void test_tool_arguments(void **state)
{
    (void)state;
    SECRET("use admin\ndb.auth(\"ops\", \"Kigali-4821\")", "Kigali-4821");
    SECRET("ssh-keygen -t ed25519 -f deploy_key -N \"Snowdon42$\"", "Snowdon42$");
    SECRET("network={\n    ssid=\"baobab\"\n    psk=\"Snowdon42$\"\n}", "Snowdon42$");
    NO_SECRET("ssh-keygen -N \"\" -f deploy_key");
    NO_SECRET("db.auth(\"ops\", passwordPrompt())");
    NO_SECRET("sort -N names.txt");
}

/* The word for "password" of ~90 languages from software translations
 * (router/data/password_words.txt), in one-, two- and three-byte scripts. */
static void test_password_words_of_many_languages(void **state)
{
    (void)state;
    SECRET("fjal\xc3\xabkalimi i ri \xc3\xabsht\xc3\xab harare#87010", "harare#87010");
    SECRET("Fjal\xc3\xabkalimi: Tartu2024", "Tartu2024");
    SECRET("seo am facal-faire: Vilnius1995", "Vilnius1995");
    SECRET("pasahitza durres#35373 da", "durres#35373");
    SECRET("\xe1\x83\x9e\xe1\x83\x90\xe1\x83\xa0\xe1\x83\x9d\xe1\x83\x9a\xe1\x83\x98: "
           "Tartu2024",
           "Tartu2024"); /* Georgian */
    SECRET("\xe0\xae\x95\xe0\xae\x9f\xe0\xae\xb5\xe0\xaf\x81\xe0\xae\x9a\xe0\xaf\x8d\xe0"
           "\xae\x9a\xe0\xaf\x8a\xe0\xae\xb2\xe0\xaf\x8d Tartu2024",
           "Tartu2024"); /* Tamil, longer than the cue table's words */
    NO_SECRET("fjal\xc3\xabkalimi \xc3\xabsht\xc3\xab shum\xc3\xab i shkurt\xc3\xabr");
    NO_SECRET("pasahitza ahaztu dut");
    /* a copula no list holds, and an inflected word (Armenian "the password") */
    SECRET("la pasvorto estas Cebu2007", "Cebu2007");
    SECRET("la contrasenya nova \xc3\xa9s Girona2013", "Girona2013");
    SECRET("\xd5\xa3\xd5\xa1\xd5\xb2\xd5\xbf\xd5\xb6\xd5\xa1\xd5\xa2\xd5\xa1\xd5\xbc\xd5\xa8 "
           "Szeged1984",
           "Szeged1984");
    NO_SECRET("password reset for user123");
    NO_SECRET("la pasvorto estas tro mallonga");
}

/* Name/value records, property lists, defaults and fallbacks; formats of
 * their own (WiFi QR, Redis). */
static void test_carriers(void **state)
{
    (void)state;
    SECRET("- name: buildConfiguration\n  value: Release\n- name: storagePassword\n  value: "
           "bratislava#54661\n",
           "bratislava#54661");
    NO_SECRET("- name: buildConfiguration\n  value: Release\n- name: image\n  value: nginx:1.25\n");
    SECRET("{\n  \"values\": [\n    {\n      \"key\": \"apiKey\",\n      \"value\": "
           "\"Xk93jfKs0d9f8SDf09sdfLKJ34lkj\"\n    }\n  ]\n}",
           "Xk93jfKs0d9f8SDf09sdfLKJ34lkj");
    SECRET("<key>RevenueCatAPIKey</key>\n<string>BvjztrS7txzDdxtqPJbB3thbFvXJeuX</string>",
           "BvjztrS7txzDdxtqPJbB3thbFvXJeuX");
    NO_SECRET("<key>CFBundleIdentifier</key>\n<string>io.acme.app</string>");
    SECRET("String.fromEnvironment('BACKEND_SECRET', defaultValue: "
           "'CXU19jB9rh4JTSKbv22JMvhyWQTaIAOV2L')",
           "CXU19jB9rh4JTSKbv22JMvhyWQTaIAOV2L");
    SECRET("const key = process.env.MAPS_KEY || 'CXU19jB9rh4JTSKbv22JMvhyWQTaIAOV2L';",
           "CXU19jB9rh4JTSKbv22JMvhyWQTaIAOV2L");
    NO_SECRET("const password = process.env.APP_PASSWORD || \"not-set\"");
    NO_SECRET("const t = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;");
    SECRET("WIFI:T:WPA;S:Kalamaja-5G;P:Tartu2024;H:false;;", "Tartu2024");
    SECRET("Scan: WIFI:S:\"Tartu Office\";P:\"Tartu2024\";T:WPA2;;", "Tartu2024");
    NO_SECRET("WIFI:T:nopass;S:Tartu-Library;;");
    NO_SECRET("WIFI:T:WPA;S:Office;P:${WIFI_PSK};;");
    SECRET("127.0.0.1:6379> AUTH deployer Maseru1955\nOK", "Maseru1955");
    SECRET("replicaof 10.40.2.17 6379\nmasterauth harare1978\nappendonly yes", "harare1978");
    NO_SECRET("127.0.0.1:6379> AUTH\n(error) ERR wrong number of arguments");
    NO_SECRET("AUTH is required for this endpoint");
}

/* Keys their providers publish, stand-ins after a scheme, values encrypted
 * at rest; provider shapes added from set m. */
static void test_public_and_encrypted(void **state)
{
    (void)state;
    NO_SECRET("mapboxgl.accessToken = "
              "'pk.eyJ1IjoiW21wTgXwPvGwxzzdlU9sa8RjUnwFcknYL0Y8CI0p.Whh7XDeobrnwvxgdahU2uH';");
    NO_SECRET("accessToken = 'pk_live_W21wTgXwPvGwxzzdlU9sa8RjUnwFcknYL0Y8CI0p'");
    NO_SECRET("proxy_set_header Authorization \"Basic $http_auth_b64\";");
    NO_SECRET("db_password: ENC[AES256_GCM,data:sriFjofP9z7SKhIbtBrlujqX,iv:7P8buOe/"
              "OwfFL+wglfcNlug5vbpTDSu6oirIilpx3i6=,tag:JPVWCKrS2hAbc==,type:str]");
    NO_SECRET("kind: SealedSecret\nspec:\n  encryptedData:\n    password: "
              "AgcpzarnWbxpWmLZv1H2pI7Jw66yMaMb1AUjMmcVB41viT7XGC2G8uD/D57FHYv/");
    SECRET(
        "oneagent: dt0c01.TVMUHX7IOBS89KERB779WSLB.YGDAUQI84M3KPI8TLP0HL1VFGIGEDXEWI9L4QER3EO0JSN"
        "UWPWPFT8XWD3JGPWI0",
        "dt0c01.TVMUHX7IOBS89KERB779WSLB.YGDAUQI84M3KPI8TLP0HL1VFGIGEDXEWI9L4QER3EO0JSNUWPWPFT8XWD"
        "3JGPWI0");
    SECRET(
        "base = Api(\"patP1IN3ncapDMgH1.421724bd0b3de5d53e2fbb325be6f4f56a7ed9fc0dc7fdfbf06b99562"
        "26b4241\")",
        "patP1IN3ncapDMgH1.421724bd0b3de5d53e2fbb325be6f4f56a7ed9fc0dc7fdfbf06b9956226b4241");
}

/* Examples by general signs (set o): a documentation host holding a
 * password that only names one, webhooks typed by hand, digests of a secret
 * by their name, a provider's prefix on a body of the wrong length, a
 * placeholder in a query string, the storage emulator's published key. */
static void test_examples_by_sign(void **state)
{
    (void)state;
    NO_SECRET("postgresql://user:secret@[2001:db8::1234]/database");
    NO_SECRET("mongodb://myDBReader:passw0rd@mongodb0.example.com:27017,mongodb1.example.com/");
    NO_SECRET("amqp://user:my-secret-pw@192.0.2.10:5672/");
    /* a real host, a password that is more than a description, a real host among them */
    SECRET("postgresql://user:secret@localhost/database", "user:secret");
    SECRET("mongodb://app:D1fficultP%40ssw0rd@db.example.com/", "app:D1fficultP%40ssw0rd");
    SECRET("postgresql://user:secret@db.example.com,db.kestrel.io/x", "user:secret");
    NO_SECRET("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");
    NO_SECRET(
        "https://outlook.office.com/webhook/82fc2788-c6f4-4507-a657-36c91eccfd87@93f33571-550f-"
        "43cf-b09f-cd33c338d086/JenkinsCI/4f3bbf41e81a4f36887a1a4d7cbfb2c6/82fa2788-c6f4-45c7-"
        "a657-36f91eccfd87");
    SECRET(
        "url = https://kestrel.webhook.office.com/webhookb2/6aa25c69-ddf6-4b39-b195-511e3b35143b@"
        "98f70c48-c552-4729-a613-1799409f7c31/IncomingWebhook/0d4f9e2a6b1c47d8a3e5f7091b2c4d6e/"
        "b1649364-3b94-4468-a613-1799409f7c31",
        "6aa25c69-ddf6-4b39-b195-511e3b35143b@98f70c48-c552-4729-a613-1799409f7c31/IncomingWebhook/"
        "0d4f9e2a6b1c47d8a3e5f7091b2c4d6e/b1649364-3b94-4468-a613-1799409f7c31");
    NO_SECRET("api_key_sha256: 7fb4d0e3c49777d39370f7694b5eee2c6bf09091aa141f1226e827567a80b7ed");
    NO_SECRET("oauth_signature_method=\"HMAC-SHA1\"");
    SECRET("api_key: 7fb4d0e3c49777d39370f7694b5eee2c6bf09091aa141f1226e827567a80b7ed",
           "7fb4d0e3c49777d39370f7694b5eee2c6bf09091aa141f1226e827567a80b7ed");
    NO_SECRET("token: ghp_OMVgbPSApZkC1KhBHx11");
    SECRET("token: ghp_OMVgbPSApZkC1KhBHx11OMVgbPSApZkC1KhB",
           "ghp_OMVgbPSApZkC1KhBHx11OMVgbPSApZkC1KhB");
    NO_SECRET(
        "<script src=\"https://maps.googleapis.com/maps/api/js?key=YOUR_API_KEY&callback=x\">");
    NO_SECRET(
        "AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuF"
        "q2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;");
    /* a directive's only argument as people type passwords */
    SECRET("port 6379\nrequirepass marmot-kestrel-87\nmaxmemory 2gb", "marmot-kestrel-87");
    NO_SECRET("port 6379\nrequirepass foobared\n");
    NO_SECRET("redis://default:SuperSecretPassword@203.0.113.9:6379/0");
}

/* Carriers set p found: a quoted name and its quoted value on a command
 * line, an LDAP DN as a URL's user, a password param holding '#', a
 * self-hosted chat's hook; a Terraform reference with a subscript is none. */
static void test_carriers_of_set_p(void **state)
{
    (void)state;
    SECRET("dotnet user-secrets set \"Payments:ApiSecret\" \"" KEY "\"", KEY);
    SECRET("setx \"DB_PASSWORD\" \"wombat42Kisumu\"", "wombat42Kisumu");
    NO_SECRET("dotnet user-secrets set \"Payments:ApiSecret\" \"$PAYMENTS_SECRET\"");
    NO_SECRET("echo \"password\" \"is required\"");
    SECRET("ldap_uri = \"ldaps://cn=app,dc=gdynia,dc=pl:Trieste.4410@ldap.gdynia.pl:636\"",
           "cn=app,dc=gdynia,dc=pl:Trieste.4410");
    SECRET("url=jdbc:mysql://10.12.0.45:3306/shop?user=grafana&password=ibex#3501", "ibex#3501");
    NO_SECRET("https://x.io/login?password=reset#top");
    SECRET("MATTERMOST_WEBHOOK=https://chat.oriole.net/hooks/xk3h8dq9w1pz7m4r2tyb6cnv5e",
           "xk3h8dq9w1pz7m4r2tyb6cnv5e");
    NO_SECRET("app_key = data.vault_generic_secret.dd.data[\"app_key\"]");
}

/* From set q: curl's user pair for a documentation host, a bearer scheme
 * before a named value, CAPTCHA site keys, a password after a clause. */
static void test_rules_of_set_q(void **state)
{
    (void)state;
    NO_SECRET("curl -u user:secret ftp://ftp.example.com/");
    SECRET("curl -u user:secret ftp://ftp.kestrel.io/", "secret");
    NO_SECRET("request_id=42 token_type=bearer expires_in=3600");
    SECRET("Authorization: Bearer " KEY, KEY);
    NO_SECRET("RECAPTCHA_SITE_KEY=6LJTqGIO1312WXBtSe4oaNp6j1z6loYLlb2z72X2");
    SECRET("RECAPTCHA_SECRET_KEY=6LJTqGIO1312WXBtSe4oaNp6j1z6loYLlb2z72X2",
           "6LJTqGIO1312WXBtSe4oaNp6j1z6loYLlb2z72X2");
    SECRET("here's the prod db password, don't share it: ENciHWdRl1BLgRvl", "ENciHWdRl1BLgRvl");
}

/* From set r: references a config reads a secret through, a template's
 * closing braces, DPAPI-encrypted values, OpenLDAP's rootpw. */
static void test_rules_of_set_r(void **state)
{
    (void)state;
    NO_SECRET("password: System.fetch_env!(\"DB_PASSWORD\"),");
    NO_SECRET("  v.password = ENV[\"VSPHERE_PASSWORD\"]");
    NO_SECRET(
        "data = \"DB_PASSWORD={{ with secret \\\"kv/db\\\" }}{{ .Data.password }}{{ end }}\"");
    NO_SECRET(
        "<add key=\"Password\" value=\"AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAxk2R9s8d7f6g5h4j3k2l1zXcVbNm"
        "0qW9eR8tY7uI6oP5aS4dF3gH2jK1lZ\" />");
    SECRET("<add key=\"Password\" value=\"Qk2R9s8d7f6g5h4j3k2l1zXcVbNm0qW9eR8\" />",
           "Qk2R9s8d7f6g5h4j3k2l1zXcVbNm0qW9eR8");
    SECRET("suffix \"dc=bergen,dc=no\"\nrootpw olomoucBergen9", "olomoucBergen9");
    NO_SECRET("suffix \"dc=bergen,dc=no\"\nrootpw {SSHA}abcdefghijklmnopqrstuvwx");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_declared_type),
        cmocka_unit_test(test_compound_operators),
        cmocka_unit_test(test_xml_value_below),
        cmocka_unit_test(test_describing_words_as_parts),
        cmocka_unit_test(test_host_values),
        cmocka_unit_test(test_documented_formats),
        cmocka_unit_test(test_more_assignment_forms),
        cmocka_unit_test(test_token_after_label),
        cmocka_unit_test(test_code_names_as_values),
        cmocka_unit_test(test_provider_name_as_cue),
        cmocka_unit_test(test_shell_stdin),
        cmocka_unit_test(test_secret_names_as_values),
        cmocka_unit_test(test_tool_arguments),
        cmocka_unit_test(test_password_words_of_many_languages),
        cmocka_unit_test(test_carriers),
        cmocka_unit_test(test_public_and_encrypted),
        cmocka_unit_test(test_examples_by_sign),
        cmocka_unit_test(test_carriers_of_set_p),
        cmocka_unit_test(test_rules_of_set_q),
        cmocka_unit_test(test_rules_of_set_r),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
