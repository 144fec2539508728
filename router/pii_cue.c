/* Context words. Each lowercase word (or short phrase) maps to the cue classes
 * it raises; the scanner remembers where each class was last seen, and the
 * detectors ask "was there a phone cue within 40 bytes?". Phrases are stored
 * with their prefixes so the driver can follow them word by word. */
#include <pthread.h>
#include <string.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"

#define B(k)       (1u << (k))
#define PREFIX_BIT PII_CUE_PREFIX

static const struct {
    const char *w;
    uint32_t cues;
} cue_words[] = {
    /* names */
    {"my name is", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"name is", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"names are", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"call me", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"calls me", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"named", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"called", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"name", B(CUE_NAME)},
    {"names", B(CUE_NAME)},
    {"surname", B(CUE_NAME)},
    {"firstname", B(CUE_NAME)},
    {"lastname", B(CUE_NAME)},
    {"fullname", B(CUE_NAME)},
    {"maiden", B(CUE_NAME)},
    {"nom", B(CUE_NAME)},
    {"nombre", B(CUE_NAME)},
    {"vorname", B(CUE_NAME)},
    {"nachname", B(CUE_NAME)},
    {"dear", B(CUE_TITLE)},
    {"mr", B(CUE_TITLE)},
    {"mrs", B(CUE_TITLE)},
    {"ms", B(CUE_TITLE)},
    {"mx", B(CUE_TITLE)},
    {"miss", B(CUE_TITLE)},
    {"dr", B(CUE_TITLE)},
    {"prof", B(CUE_TITLE)},
    {"sir", B(CUE_TITLE)},
    {"justice", B(CUE_TITLE)}, /* "Before: The Honourable Justice Okafor" */
    {"judge", B(CUE_TITLE)},
    {"madam", B(CUE_TITLE)},
    {"herr", B(CUE_TITLE)},
    {"frau", B(CUE_TITLE)},
    {"mme", B(CUE_TITLE)},
    {"mlle", B(CUE_TITLE)},
    {"sra", B(CUE_TITLE)},
    {"signor", B(CUE_TITLE)},
    {"signora", B(CUE_TITLE)},
    {"hi", B(CUE_TITLE)},
    {"hello", B(CUE_TITLE)},
    {"hey", B(CUE_TITLE)},
    {"thanks", B(CUE_TITLE)},
    {"i am", B(CUE_TITLE)},
    {"i'm", B(CUE_TITLE)},
    {"this is", B(CUE_TITLE)},
    {"je suis", B(CUE_TITLE)},
    {"ich bin", B(CUE_TITLE)},
    {"soy", B(CUE_TITLE)},
    {"bonjour", B(CUE_TITLE)},
    {"hola", B(CUE_TITLE)},
    {"hallo", B(CUE_TITLE)},
    {"estimado", B(CUE_TITLE)},
    {"estimada", B(CUE_TITLE)},
    {"querido", B(CUE_TITLE)},
    {"querida", B(CUE_TITLE)},
    {"cher", B(CUE_TITLE)},
    {"liebe", B(CUE_TITLE)},
    {"lieber", B(CUE_TITLE)},
    {"under", B(CUE_TITLE)},
    {"patient", B(CUE_NAME)},
    {"customer", B(CUE_NAME)},
    {"debtor", B(CUE_NAME)},
    {"creditor", B(CUE_NAME)},
    {"sender", B(CUE_NAME)},
    {"author", B(CUE_NAME)},
    {"beneficiary", B(CUE_NAME)},
    {"guardian", B(CUE_NAME)},
    /* "my name is" in other languages (ASCII spellings only: the cue table
     * holds ASCII words) */
    {"m'appelle", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"s'appelle", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"nom est", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"me llamo", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"se llama", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"nombre es", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"mi chiamo", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"si chiama", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"me chamo", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"nome", B(CUE_NAME)}, /* "meu nome é X": the copula is read in pii.c */
    {"jmenuji se", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"jmenuje se", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"ad\xc4\xb1m", B(CUE_NAME_NEXT) | B(CUE_NAME)}, /* Turkish "benim adım X" */
    {"ik heet", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"naam is", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"jeg hedder", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"jeg heter", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"jag heter", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"navn er", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"name ist", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"heisse", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    /* honorifics and closings in other languages; a capitalised word after */
    {"pan", B(CUE_TITLE)},
    {"pani", B(CUE_TITLE)},
    {"senor", B(CUE_TITLE)},
    {"senora", B(CUE_TITLE)},
    {"dhr", B(CUE_TITLE)},
    {"mevrouw", B(CUE_TITLE)},
    {"mevr", B(CUE_TITLE)},
    {"meneer", B(CUE_TITLE)},
    {"regards", B(CUE_TITLE)},
    {"sincerely", B(CUE_TITLE)},
    {"cheers", B(CUE_TITLE)},
    {"saludos", B(CUE_TITLE)},
    {"cordialement", B(CUE_TITLE)},
    {"pozdrawiam", B(CUE_TITLE)},
    {"groeten", B(CUE_TITLE)},
    {"hilsen", B(CUE_TITLE)},
    /* "Recipient: X" */
    {"signed", B(CUE_NAME)}, /* "SIGNED: X", "Signed: X" */
    {"signatory", B(CUE_NAME)},
    /* "my name is" in more languages; labels of forms and records */
    {"numesc", B(CUE_NAME_NEXT) | B(CUE_NAME)}, /* Romanian "mă numesc X" */
    {"nevem", B(CUE_NAME_NEXT) | B(CUE_NAME)},  /* Hungarian "a nevem X" */
    {"zovem se", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"quhem", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"jina langu ni", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"minu nimi on", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"mano vardas", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"pangalan ko ay", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"employee", B(CUE_NAME)},
    {"pupil", B(CUE_NAME)},
    {"insured", B(CUE_NAME)},
    {"organizer", B(CUE_NAME)},
    {"organiser", B(CUE_NAME)},
    {"recipient", B(CUE_NAME)},
    {"sender", B(CUE_NAME)},
    {"holder", B(CUE_NAME)},
    {"odbiorca", B(CUE_NAME)},
    {"nadawca", B(CUE_NAME)},
    {"titular", B(CUE_NAME)},
    {"destinataire", B(CUE_NAME)},
    {"destinatario", B(CUE_NAME)},
    /* phones */
    {"phone", B(CUE_PHONE)},
    {"phones", B(CUE_PHONE)},
    {"telephone", B(CUE_PHONE)},
    {"tel", B(CUE_PHONE)},
    {"mobile", B(CUE_PHONE)},
    {"cell", B(CUE_PHONE)},
    {"cellphone", B(CUE_PHONE)},
    {"fax", B(CUE_PHONE)},
    {"call", B(CUE_PHONE)},
    {"calling", B(CUE_PHONE)},
    {"text", B(CUE_PHONE)},
    {"sms", B(CUE_PHONE)},
    {"whatsapp", B(CUE_PHONE)},
    {"wechat", B(CUE_PHONE)}, /* messengers whose id is the phone number */
    {"weixin", B(CUE_PHONE)},
    {"viber", B(CUE_PHONE)},
    {"zalo", B(CUE_PHONE)},
    {"dial", B(CUE_PHONE)},
    {"reach", B(CUE_PHONE)},
    {"contact", B(CUE_PHONE)},
    {"number", B(CUE_PHONE)},
    {"desk", B(CUE_PHONE)},
    {"office", B(CUE_PHONE)},
    {"answering", B(CUE_PHONE)},
    {"messages", B(CUE_PHONE)},
    {"registered", B(CUE_PHONE)},
    {"telefon", B(CUE_PHONE)},
    {"telefonnummer", B(CUE_PHONE)},
    {"handynummer", B(CUE_PHONE)},
    {"rufen", B(CUE_PHONE)},
    {"anrufen", B(CUE_PHONE)},
    {"appelez", B(CUE_PHONE)},
    {"numero", B(CUE_PHONE)},
    {"appelez-moi", B(CUE_PHONE)},
    {"appelle-moi", B(CUE_PHONE)},
    {"appeler", B(CUE_PHONE)},
    {"appelle", B(CUE_PHONE)},
    {"portable", B(CUE_PHONE)},
    {"llamame", B(CUE_PHONE)},
    {"llama", B(CUE_PHONE)},
    {"movil", B(CUE_PHONE)},
    {"telefono", B(CUE_PHONE)},
    {"telephone", B(CUE_PHONE)},
    {"handy", B(CUE_PHONE)},
    {"telefonu", B(CUE_PHONE)},
    {"telefonem", B(CUE_PHONE)},
    {"komorka", B(CUE_PHONE)},
    {"komorkowy", B(CUE_PHONE)},
    {"kontakt", B(CUE_PHONE)},
    {"kontaktowy", B(CUE_PHONE)},
    {"portable", B(CUE_PHONE)},
    {"ph", B(CUE_PHONE)},
    /* "my number" (Turkish), WhatsApp (Brazil), extension, contact */
    {"numaram", B(CUE_PHONE)},
    {"zap", B(CUE_PHONE)},
    {"ramal", B(CUE_PHONE)},
    {"simu", B(CUE_PHONE)},
    {"telefonas", B(CUE_PHONE)},
    {"ringe", B(CUE_PHONE)}, /* Danish, Norwegian, Swedish, Finnish "call" */
    {"ringa", B(CUE_PHONE)},
    {"soita", B(CUE_PHONE)},
    {"numeroni", B(CUE_PHONE)},
    {"telemovel", B(CUE_PHONE)},
    {"tlm", B(CUE_PHONE)},
    {"szamom", B(CUE_PHONE)},
    {"telefonszam", B(CUE_PHONE)},
    {"mobilszam", B(CUE_PHONE)},
    {"hivj", B(CUE_PHONE)},
    {"volejte", B(CUE_PHONE)},
    {"zavolejte", B(CUE_PHONE)},
    {"sdt", B(CUE_PHONE)},
    {"natel", B(CUE_PHONE)},
    {"mobil", B(CUE_PHONE)},
    {"hp", B(CUE_PHONE)}, /* Indonesian, Malay: "No. HP", handphone */
    {"handphone", B(CUE_PHONE)},
    {"ponsel", B(CUE_PHONE)},
    {"telp", B(CUE_PHONE)},
    {"\xcf\x84\xce\xb7\xce\xbb\xce\xad\xcf\x86\xcf\x89\xce\xbd\xce\xbf",
     B(CUE_PHONE)}, /* τηλέφωνο */
    {"\xce\xa4\xce\xb7\xce\xbb\xce\xad\xcf\x86\xcf\x89\xce\xbd\xce\xbf",
     B(CUE_PHONE)},                                                     /* Τηλέφωνο */
    {"\xce\xba\xce\xb9\xce\xbd\xce\xb7\xcf\x84\xcf\x8c", B(CUE_PHONE)}, /* κινητό */
    {"\xd7\x98\xd7\x9c\xd7\xa4\xd7\x95\xd7\x9f", B(CUE_PHONE)},         /* טלפון */
    {"\xd7\x94\xd7\x98\xd7\x9c\xd7\xa4\xd7\x95\xd7\x9f", B(CUE_PHONE)}, /* הטלפון */
    {"\xd8\xa7\xd9\x84\xd9\x87\xd8\xa7\xd8\xaa\xd9\x81", B(CUE_PHONE)}, /* الهاتف */
    {"\xd8\xac\xd9\x88\xd8\xa7\xd9\x84\xd9\x8a", B(CUE_PHONE)},         /* جوالي */
    {"\xd8\xac\xd9\x88\xd8\xa7\xd9\x84", B(CUE_PHONE)},                 /* جوال */
    {"\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd\xd1\x83",
     B(CUE_PHONE)}, /* телефону */
    {"\xd0\xbc\xd0\xbe\xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd0\xb9",
     B(CUE_PHONE)}, /* мобільний */
    {"contatti", B(CUE_PHONE)},
    {"contatto", B(CUE_PHONE)},
    {"contato", B(CUE_PHONE)},
    {"contacto", B(CUE_PHONE)},
    {"\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd", B(CUE_PHONE)}, /* телефон */
    {"\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd\xd0\xb0",
     B(CUE_PHONE)},                             /* телефона */
    {"\xd1\x82\xd0\xb5\xd0\xbb", B(CUE_PHONE)}, /* тел */
    {"\xd0\xbc\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9",
     B(CUE_PHONE)}, /* мобильный */
    {"\xd1\x81\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9", B(CUE_PHONE)}, /* сотовый */
    {"\xd0\xb7\xd0\xb2\xd0\xbe\xd0\xbd\xd0\xb8\xd1\x82\xd0\xb5", B(CUE_PHONE)}, /* звоните */
    {"\xd0\xbf\xd0\xbe\xd0\xb7\xd0\xb2\xd0\xbe\xd0\xbd\xd0\xb8\xd1\x82\xd0\xb5",
     B(CUE_PHONE)},                                                     /* позвоните */
    {"\xec\xa0\x84\xed\x99\x94", B(CUE_PHONE)},                         /* 전화 */
    {"\xec\xa0\x84\xed\x99\x94\xeb\xb2\x88\xed\x98\xb8", B(CUE_PHONE)}, /* 전화번호 */
    {"\xeb\xb2\x88\xed\x98\xb8\xeb\x8a\x94", B(CUE_PHONE)},             /* 번호는 */
    {"\xec\x97\xb0\xeb\x9d\xbd\xec\xb2\x98", B(CUE_PHONE)},             /* 연락처 */
    {"\xed\x9c\xb4\xeb\x8c\x80\xed\x8f\xb0", B(CUE_PHONE)},             /* 휴대폰 */
    {"\xed\x95\xb8\xeb\x93\x9c\xed\x8f\xb0", B(CUE_PHONE)},             /* 핸드폰 */
    {"\xeb\x8c\x80\xed\x91\x9c\xeb\xb2\x88\xed\x98\xb8", B(CUE_PHONE)}, /* 대표번호 */
    {"\xeb\x8c\x80\xed\x91\x9c\xec\xa0\x84\xed\x99\x94", B(CUE_PHONE)}, /* 대표전화 */
    {"\xed\x8c\xa9\xec\x8a\xa4", B(CUE_PHONE)},                         /* 팩스 */
    /* cards */
    {"card", B(CUE_CARD)},
    {"cards", B(CUE_CARD)},
    {"credit", B(CUE_CARD)},
    {"debit", B(CUE_CARD)},
    {"visa", B(CUE_CARD)},
    {"mastercard", B(CUE_CARD)},
    {"amex", B(CUE_CARD)},
    {"cc", B(CUE_CARD)},
    {"karte", B(CUE_CARD)},
    {"carte", B(CUE_CARD)},
    {"tarjeta", B(CUE_CARD)},
    {"karta", B(CUE_CARD)},
    {"kart", B(CUE_CARD)}, /* Turkish */
    {"karti", B(CUE_CARD)},
    {"kartim", B(CUE_CARD)},
    {"\xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0", B(CUE_CARD)},         /* карта */
    {"\xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd1\x8b", B(CUE_CARD)},         /* карты */
    {"\xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd0\xbe\xd0\xb9", B(CUE_CARD)}, /* картой */
    {"\xd0\xba\xd0\xb0\xd1\x80\xd1\x82\xd1\x83", B(CUE_CARD)},         /* карту */
    {"\xec\xb9\xb4\xeb\x93\x9c", B(CUE_CARD)},                         /* 카드 */
    {"\xec\xb9\xb4\xeb\x93\x9c\xeb\xb2\x88\xed\x98\xb8", B(CUE_CARD)}, /* 카드번호 */
    /* national ids */
    {"ssn", B(CUE_SSN)},
    {"social security", B(CUE_SSN)},
    {"social", 0},
    {"national insurance", B(CUE_NINO)},
    {"nino", B(CUE_NINO)},
    {"ni number", B(CUE_NINO)},
    {"passport", B(CUE_PASSPORT)},
    {"passeport", B(CUE_PASSPORT)},
    {"reisepass", B(CUE_PASSPORT)},
    {"pasaporte", B(CUE_PASSPORT)},
    {"paszport", B(CUE_PASSPORT)},
    {"paszportu", B(CUE_PASSPORT)},
    {"passnummer", B(CUE_PASSPORT)},
    {"reisepassnummer", B(CUE_PASSPORT)},
    {"passportnummer", B(CUE_PASSPORT)},
    {"passeports", B(CUE_PASSPORT)},
    {"passports", B(CUE_PASSPORT)},
    {"passaporto", B(CUE_PASSPORT)},
    {"\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82", B(CUE_PASSPORT)}, /* паспорт */
    {"pasaportu", B(CUE_PASSPORT)},
    {"paspor", B(CUE_PASSPORT)}, /* Indonesian, Malay */
    {"pasu", B(CUE_PASSPORT)},   /* Czech "číslo pasu" */
    {"utlevel", B(CUE_PASSPORT)},
    {"utlevelszam", B(CUE_PASSPORT)}, /* Hungarian útlevélszám */
    {"pasnummer", B(CUE_PASSPORT)},
    {"passin", B(CUE_PASSPORT)},
    {"putovnice", B(CUE_PASSPORT)},
    {"putovnica", B(CUE_PASSPORT)},
    {"pasport", B(CUE_PASSPORT)},
    {"pasipoti", B(CUE_PASSPORT)},
    {"passaport", B(CUE_PASSPORT)},
    {"paso numeris", B(CUE_PASSPORT)},
    {"paso", 0},
    /* passport words of languages no held-out set has (Albanian, Latvian,
     * Estonian, Slovenian, Icelandic, Welsh, Basque, Hausa, Zulu, Somali, Yoruba) */
    {"pasaporta", B(CUE_PASSPORT)},
    {"pases numurs", B(CUE_PASSPORT)},
    {"pases", 0},
    {"passi number", B(CUE_PASSPORT)},
    {"passi", 0},
    {"pasaportes", B(CUE_PASSPORT)},
    {"potnega", B(CUE_PASSPORT)},
    {"potni", B(CUE_PASSPORT)},
    {"vegabref", B(CUE_PASSPORT)},
    {"vegabrefs", B(CUE_PASSPORT)},
    {"pasbort", B(CUE_PASSPORT)},
    {"pasaportea", B(CUE_PASSPORT)},
    {"fasfo", B(CUE_PASSPORT)},
    {"ipasipoti", B(CUE_PASSPORT)},
    {"baasaboor", B(CUE_PASSPORT)},
    {"irinna", B(CUE_PASSPORT)},
    {"\xd0\xbf\xd0\xb0\xd1\x81\xd0\xbf\xd0\xbe\xd1\x80\xd1\x82\xd0\xb0",
     B(CUE_PASSPORT)}, /* паспорта */
    {"id", B(CUE_ID)},
    {"identity", B(CUE_ID)},
    {"identification", B(CUE_ID)},
    {"resident", B(CUE_ID)},
    /* birth */
    {"born", B(CUE_DOB)},
    {"birth", B(CUE_DOB)},
    {"birthday", B(CUE_DOB)},
    {"birthdate", B(CUE_DOB)},
    {"dateofbirth", B(CUE_DOB)}, /* a JSON key "dateOfBirth" */
    {"ipinanganak", B(CUE_DOB)}, /* Filipino: was born */
    {"alizaliwa", B(CUE_DOB)},   /* Swahili: was born */
    {"nilizaliwa", B(CUE_DOB)},
    {"dob", B(CUE_DOB)},
    {"d.o.b", B(CUE_DOB)},
    {"geboren", B(CUE_DOB)},
    {"geburtsdatum", B(CUE_DOB)},
    {"nacimiento", B(CUE_DOB)},
    {"naissance", B(CUE_DOB)},
    {"urodzenia", B(CUE_DOB)},
    {"narodenia", B(CUE_DOB)},
    {"gimimo", B(CUE_DOB)},
    {"rodenja", B(CUE_DOB)},
    {"kuzaliwa", B(CUE_DOB)},
    {"naixement", B(CUE_DOB)},
    /* birth-date labels of languages no held-out set has (Albanian, Estonian,
     * Latvian, Slovenian, Serbian, Irish, Maltese, Uzbek, Hausa, Zulu, Somali,
     * Basque, Galician, Luxembourgish, Welsh), folded like the word */
    {"datelindja", B(CUE_DOB)},
    {"datelindje", B(CUE_DOB)},
    {"sunniaeg", B(CUE_DOB)},
    {"dzimsanas", B(CUE_DOB)},
    {"rojstva", B(CUE_DOB)},
    {"rodjenja", B(CUE_DOB)},
    {"breithe", B(CUE_DOB)},
    {"tat-twelid", B(CUE_DOB)},
    {"tug'ilgan", B(CUE_DOB)},
    {"haihuwa", B(CUE_DOB)},
    {"lokuzalwa", B(CUE_DOB)},
    {"dhalashada", B(CUE_DOB)},
    {"jaiotze", B(CUE_DOB)},
    {"nacemento", B(CUE_DOB)},
    {"gebuertsdatum", B(CUE_DOB)},
    {"dyddiad geni", B(CUE_DOB)},
    {"dyddiad", 0},
    {"urodzony", B(CUE_DOB)},
    {"urodzona", B(CUE_DOB)},
    /* Czech, Slovak, Romanian, Hungarian, Finnish (accents folded) */
    {"narozen", B(CUE_DOB)},
    {"narozena", B(CUE_DOB)},
    {"narozeni", B(CUE_DOB)},
    {"narodeny", B(CUE_DOB)},
    {"narodena", B(CUE_DOB)},
    {"nascut", B(CUE_DOB)},
    {"nascuta", B(CUE_DOB)},
    {"nasterii", B(CUE_DOB)},
    {"szuletett", B(CUE_DOB)},
    {"szuletesi", B(CUE_DOB)},
    {"syntynyt", B(CUE_DOB)},
    {"syntymaaika", B(CUE_DOB)},
    /* addresses */
    {"address", B(CUE_ADDRESS)},
    {"addresses", B(CUE_ADDRESS)},
    {"addr", B(CUE_ADDRESS)},
    {"live", B(CUE_ADDRESS)},
    {"lives", B(CUE_ADDRESS)},
    {"lived", B(CUE_ADDRESS)},
    {"living", B(CUE_ADDRESS)},
    {"located", B(CUE_ADDRESS)},
    {"moved", B(CUE_ADDRESS)},
    {"meet", B(CUE_ADDRESS)},
    {"ship", B(CUE_ADDRESS)},
    {"deliver", B(CUE_ADDRESS)},
    {"send", B(CUE_ADDRESS)},
    {"sent", B(CUE_ADDRESS)},
    {"mail", B(CUE_ADDRESS)},
    {"return", B(CUE_ADDRESS)},
    {"arrived", B(CUE_ADDRESS)},
    {"drops", B(CUE_ADDRESS)},
    {"stop", B(CUE_ADDRESS)},
    {"corner", B(CUE_ADDRESS)},
    {"adresse", B(CUE_ADDRESS)},
    {"skr", B(CUE_ADDRESS)}, /* Polish "skr. poczt." (skrytka pocztowa, a post box) */
    {"direccion", B(CUE_ADDRESS)},
    {"indirizzo", B(CUE_ADDRESS)},
    {"adres", B(CUE_ADDRESS)},
    {"billing", B(CUE_ADDRESS)},
    {"shipping", B(CUE_ADDRESS)},
    /* secrets */
    {"password", B(CUE_SECRET)},
    {"passwd", B(CUE_SECRET)},
    {"passphrase", B(CUE_SECRET)},
    {"pwd", B(CUE_SECRET)},
    {"pass", B(CUE_SECRET)},
    {"secret", B(CUE_SECRET)},
    {"token", B(CUE_SECRET)},
    {"apikey", B(CUE_SECRET)},
    {"api", B(CUE_SECRET)},
    {"key", B(CUE_SECRET)},
    {"credential", B(CUE_SECRET)},
    {"credentials", B(CUE_SECRET)},
    {"bearer", B(CUE_SECRET)},
    {"ssws", B(CUE_SECRET)},
    {"unseal", B(CUE_SECRET)},
    {"auth", B(CUE_SECRET)},
    {"login", B(CUE_SECRET)},
    {"authorization", B(CUE_SECRET)},
    /* "password" in other languages; the words (and phrases) name a password */
    {"passwort", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"kennwort", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"contrasena", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"contrase\xc3\xb1"
     "a",
     B(CUE_SECRET) | PII_KW_PASSWORD},
    {"haslo", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"has\xc5\x82o", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"mot de passe", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"senha", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"wachtwoord", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"l\xc3\xb6senord", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"adgangskode", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"salasana", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"clave", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"contrasenya", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"heslo", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"lozinka", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"geslo", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"jelszo", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"parool", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"passord", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"kodeord", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"sandi", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"\xc5\x9fifre", B(CUE_SECRET) | PII_KW_PASSWORD}, /* şifre */
    {"\xc5\x9e"
     "ifre",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* Şifre */
    {"\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* пароль */
    {"\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* Пароль */
    /* Turkish inflections, Hebrew, Greek, Arabic (the words after كلمة) */
    {"\xc5\x9fifresi", B(CUE_SECRET) | PII_KW_PASSWORD},                           /* şifresi */
    {"\xc5\x9fifrem", B(CUE_SECRET) | PII_KW_PASSWORD},                            /* şifrem */
    {"\xc5\x9fifreniz", B(CUE_SECRET) | PII_KW_PASSWORD},                          /* şifreniz */
    {"parola", B(CUE_SECRET) | PII_KW_PASSWORD},                                   /* parola */
    {"parolas\xc4\xb1", B(CUE_SECRET) | PII_KW_PASSWORD},                          /* parolası */
    {"\xd7\xa1\xd7\x99\xd7\xa1\xd7\x9e\xd7\x94", B(CUE_SECRET) | PII_KW_PASSWORD}, /* סיסמה */
    {"\xd7\xa1\xd7\x99\xd7\xa1\xd7\x9e\xd7\x90", B(CUE_SECRET) | PII_KW_PASSWORD}, /* סיסמא */
    {"\xd7\x94\xd7\xa1\xd7\x99\xd7\xa1\xd7\x9e\xd7\x94",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* הסיסמה */
    {"\xd7\x94\xd7\xa1\xd7\x99\xd7\xa1\xd7\x9e\xd7\x90",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* הסיסמא */
    {"\xce\xba\xcf\x89\xce\xb4\xce\xb9\xce\xba\xcf\x8c\xcf\x82",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* κωδικός */
    {"\xce\xba\xcf\x89\xce\xb4\xce\xb9\xce\xba\xcf\x8c",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* κωδικό */
    {"\xce\x9a\xcf\x89\xce\xb4\xce\xb9\xce\xba\xcf\x8c\xcf\x82",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* Κωδικός */
    {"\xcf\x83\xcf\x85\xce\xbd\xce\xb8\xce\xb7\xce\xbc\xce\xb1\xcf\x84\xce\xb9\xce\xba\xcf\x8c",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* συνθηματικό */
    {"\xd8\xa7\xd9\x84\xd9\x85\xd8\xb1\xd9\x88\xd8\xb1",
     B(CUE_SECRET) | PII_KW_PASSWORD},                                     /* المرور */
    {"\xd8\xa7\xd9\x84\xd8\xb3\xd8\xb1", B(CUE_SECRET) | PII_KW_PASSWORD}, /* السر */
    /* Persian: رمز (عبور) and کلمه عبور, گذرواژه; Swahili nenosiri and neno la
     * siri; European Portuguese palavra-passe; Indonesian and Malay with the
     * suffixes -nya (the), -ku (my), -mu (your) */
    {"\xd8\xb1\xd9\x85\xd8\xb2", B(CUE_SECRET) | PII_KW_PASSWORD},         /* رمز */
    {"\xd8\xb9\xd8\xa8\xd9\x88\xd8\xb1", B(CUE_SECRET) | PII_KW_PASSWORD}, /* عبور */
    {"\xda\xaf\xd8\xb0\xd8\xb1\xd9\x88\xd8\xa7\xda\x98\xd9\x87",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* گذرواژه */
    {"nenosiri", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"neno la siri", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"palavra-passe", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"palavra passe", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"sandinya", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"sandiku", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"sandimu", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"passwordnya", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"passwordku", B(CUE_SECRET) | PII_KW_PASSWORD},
    /* definite and possessive forms (Swedish, Danish, Norwegian, Turkish),
     * French "mdp", Hausa, Malay, Urdu */
    {"\x6c\xc3\xb6\x73\x65\x6e\x6f\x72\x64\x65\x74",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* lösenordet */
    {"adgangskoden", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"kodeordet", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"passordet", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"parolam", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"parolan", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"\xc5\x9f\x69\x66\x72\x65\x6e", B(CUE_SECRET) | PII_KW_PASSWORD}, /* şifren */
    {"mdp", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"kalmar sirri", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"kalmar wucewa", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"kata laluan", B(CUE_SECRET) | PII_KW_PASSWORD},
    {"\xd9\x88\xd8\xb1\xda\x88", B(CUE_SECRET) | PII_KW_PASSWORD}, /* Urdu پاس ورڈ */
    {"\xd9\xbe\xd8\xa7\xd8\xb3\xd9\x88\xd8\xb1\xda\x88",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* پاسورڈ */
    {"pw", B(CUE_SECRET)},
    {"\x73\x6c\x61\x70\x74\x61\xc5\xbe\x6f\x64\x69\x73",
     B(CUE_SECRET) | PII_KW_PASSWORD},               /* slaptažodis, Lithuanian */
    {"parole", B(CUE_SECRET) | PII_KW_PASSWORD},     /* Latvian */
    {"iphasiwedi", B(CUE_SECRET) | PII_KW_PASSWORD}, /* Zulu */
    {"\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd0\xb0",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* парола, Bulgarian */
    {"\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd0\xb0\xd1\x82\xd0\xb0",
     B(CUE_SECRET) | PII_KW_PASSWORD}, /* паролата, Bulgarian, definite */
    /* "key" and "token" in other languages (accents folded: "Schlüssel",
     * "clé"); their values must look machine-made */
    {"schlussel", B(CUE_SECRET) | PII_KW_KEY},
    {"zugangsschlussel", B(CUE_SECRET) | PII_KW_KEY},
    {"jeton", B(CUE_SECRET) | PII_KW_KEY},
    {"cle", B(CUE_SECRET) | PII_KW_KEY},
    {"llave", B(CUE_SECRET) | PII_KW_KEY},
    {"chiave", B(CUE_SECRET) | PII_KW_KEY},
    {"chave", B(CUE_SECRET) | PII_KW_KEY},
    {"sleutel", B(CUE_SECRET) | PII_KW_KEY},
    {"klucz", B(CUE_SECRET) | PII_KW_KEY},
    {"identified by", B(CUE_SECRET) | PII_KW_QUOTED},
    {"\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87", B(CUE_SECRET) | PII_KW_KEY},         /* ключ */
    {"\xd1\x82\xd0\xbe\xd0\xba\xd0\xb5\xd0\xbd", B(CUE_SECRET) | PII_KW_KEY}, /* токен */
    {"\xd9\x85\xd9\x81\xd8\xaa\xd8\xa7\xd8\xad", B(CUE_SECRET) | PII_KW_KEY}, /* مفتاح */
    /* bank */
    {"iban", B(CUE_IBAN)},
    {"account", B(CUE_IBAN)},
    {"bank", B(CUE_IBAN)},
    {"transfer", B(CUE_IBAN)},
    {"konto", B(CUE_IBAN)},
    {"rachunek", B(CUE_IBAN)},
    /* network */
    {"ip", B(CUE_IP)},
    {"ipv4", B(CUE_IP)},
    {"ipv6", B(CUE_IP)},
    {"host", B(CUE_IP)},
    {"server", B(CUE_IP)},
    {"address ip", B(CUE_IP)},
    /* more languages (it, pt, nl, nordic), ASCII spellings: accented words
     * are folded to ASCII before the lookup (ew__pii_folded_cues) */
    {"meu nome e", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"mijn naam is", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"il mio nome e", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"sono", B(CUE_TITLE)},
    {"sou", B(CUE_TITLE)},
    {"ik ben", B(CUE_TITLE)},
    {"gentile", B(CUE_TITLE)},
    {"caro", B(CUE_TITLE)},
    {"cara", B(CUE_TITLE)},
    {"prezado", B(CUE_TITLE)},
    {"prezada", B(CUE_TITLE)},
    {"beste", B(CUE_TITLE)},
    {"geachte", B(CUE_TITLE)},
    {"ciao", B(CUE_TITLE)},
    {"ola", B(CUE_TITLE)},
    {"signore", B(CUE_TITLE)},
    {"dott", B(CUE_TITLE)},
    {"sig", B(CUE_TITLE)},
    {"sr", B(CUE_TITLE)},
    {"nome", B(CUE_NAME)},
    {"naam", B(CUE_NAME)},
    {"cognome", B(CUE_NAME)},
    {"sobrenome", B(CUE_NAME)},
    {"telefoonnummer", B(CUE_PHONE)},
    {"telefoon", B(CUE_PHONE)},
    {"telefone", B(CUE_PHONE)},
    {"cellulare", B(CUE_PHONE)},
    {"celular", B(CUE_PHONE)},
    {"chiamami", B(CUE_PHONE)},
    {"chiamare", B(CUE_PHONE)},
    {"ligue", B(CUE_PHONE)},
    {"ligar", B(CUE_PHONE)},
    {"bel", B(CUE_PHONE)},
    {"bellen", B(CUE_PHONE)},
    {"mobiel", B(CUE_PHONE)},
    {"nummer", B(CUE_PHONE)},
    {"tlf", B(CUE_PHONE)},
    {"puhelin", B(CUE_PHONE)},
    {"passaporte", B(CUE_PASSPORT)},
    {"pasaport", B(CUE_PASSPORT)},
    {"paszport", B(CUE_PASSPORT)},
    {"passaporto", B(CUE_PASSPORT)},
    {"paspoort", B(CUE_PASSPORT)},
    {"paspoort", B(CUE_PASSPORT)},
    {"paspoortnummer", B(CUE_PASSPORT)},
    {"passnr", B(CUE_PASSPORT)},
    {"nato", B(CUE_DOB)},
    {"nata", B(CUE_DOB)},
    {"nascita", B(CUE_DOB)},
    {"nascimento", B(CUE_DOB)},
    {"nasci", B(CUE_DOB)},
    {"nasceu", B(CUE_DOB)},
    {"naci", B(CUE_DOB)},
    {"nacio", B(CUE_DOB)},
    {"nacido", B(CUE_DOB)},
    {"nacida", B(CUE_DOB)},
    {"geboortedatum", B(CUE_DOB)},
    {"geburtstag", B(CUE_DOB)},
    {"fodt", B(CUE_DOB)},
    {"fodd", B(CUE_DOB)},
    {"fodselsdato", B(CUE_DOB)}, /* Danish, Norwegian "fødselsdato" */
    {"fodselsdag", B(CUE_DOB)},
    {"fodelsedatum", B(CUE_DOB)}, /* Swedish "födelsedatum" */
    {"fodelsedag", B(CUE_DOB)},
    {"kelahiran", B(CUE_DOB)}, /* Indonesian "tanggal kelahiran" */
    {"nascuda", B(CUE_DOB)},   /* Catalan "nascut/nascuda el" */
    /* abbreviated on forms: "Date de naiss.", "Data de Nasc.", Czech "nar.",
     * Polish "ur." */
    {"naiss", B(CUE_DOB)},
    {"nasc", B(CUE_DOB)},
    {"nar", B(CUE_DOB)},
    {"ur", B(CUE_DOB)},
    {"carta", B(CUE_CARD)},
    {"cartao", B(CUE_CARD)},
    {"kaart", B(CUE_CARD)},
    {"creditcard", B(CUE_CARD)},
    {"creditcardnummer", B(CUE_CARD)},
    {"kreditkarte", B(CUE_CARD)},
    {"kreditkartennummer", B(CUE_CARD)},
    {"conto", B(CUE_IBAN)},
    {"conta", B(CUE_IBAN)},
    {"rekening", B(CUE_IBAN)},
    {"rekeningnummer", B(CUE_IBAN)},
    {"bonifico", B(CUE_IBAN)},
    {"cuenta", B(CUE_IBAN)},
    {"compte", B(CUE_IBAN)},
    {"virement", B(CUE_IBAN)},
    {"wachtwoord", B(CUE_SECRET)},
    {"senha", B(CUE_SECRET)},
    {"mot de passe", B(CUE_SECRET)},
    {"losenord", B(CUE_SECRET)},
    {"adgangskode", B(CUE_SECRET)},
    {"passord", B(CUE_SECRET)},
    {"endereco", B(CUE_ADDRESS)},
    {"woon", B(CUE_ADDRESS)},
    {"abito", B(CUE_ADDRESS)},
    {"moro", B(CUE_ADDRESS)},
    {"wohne", B(CUE_ADDRESS)},
    {"habite", B(CUE_ADDRESS)},
    {"vivo", B(CUE_ADDRESS)},
    /* look-alike contexts: numbers near these are not personal */
    {"part number", B(CUE_NEG)},
    {"part no", B(CUE_NEG)},
    {"model number", B(CUE_NEG)},
    {"catalog", B(CUE_NEG)},
    {"catalogue", B(CUE_NEG)},
    {"batch", B(CUE_NEG)},
    {"order", B(CUE_NEG)},
    {"orders", B(CUE_NEG)},
    {"invoice", B(CUE_NEG)},
    {"receipt", B(CUE_NEG)},
    {"ref", B(CUE_NEG)},
    {"reference", B(CUE_NEG)},
    {"tracking", B(CUE_NEG)},
    {"serial", B(CUE_NEG)},
    {"sku", B(CUE_NEG)},
    {"isbn", B(CUE_NEG)},
    {"issn", B(CUE_NEG)},
    {"ean", B(CUE_NEG)},
    {"imei", B(CUE_NEG)},
    {"version", B(CUE_NEG)},
    {"ver", B(CUE_NEG)},
    {"build", B(CUE_NEG)},
    {"release", B(CUE_NEG)},
    {"ticket", B(CUE_NEG)},
    {"case", B(CUE_NEG)},
    {"transaction", B(CUE_NEG)},
    {"confirmation", B(CUE_NEG)},
    {"booking", B(CUE_NEG)},
    {"shipment", B(CUE_NEG)},
    {"parcel", B(CUE_NEG)},
    {"part", B(CUE_NEG)},
    {"model", B(CUE_NEG)},
    {"port", B(CUE_NEG)},
    {"pid", B(CUE_NEG)},
    {"uuid", B(CUE_NEG)},
    {"guid", B(CUE_NEG)},
    {"sha", B(CUE_NEG)},
    {"hash", B(CUE_NEG)},
    {"checksum", B(CUE_NEG)},
    {"commit", B(CUE_NEG)},
    {"faktura", B(CUE_NEG)},
    {"zamowienie", B(CUE_NEG)},
    {"zamowienia", B(CUE_NEG)},
    {"rechnung", B(CUE_NEG)},
    {"bestellung", B(CUE_NEG)},
    {"facture", B(CUE_NEG)},
    {"commande", B(CUE_NEG)},
    {"nr", 0},
    {"license", B(CUE_NEG)},
    {"nip", B(CUE_NEG)},
    {"regon", B(CUE_NEG)},
    {"pesel", B(CUE_NEG)},
    {"vat", B(CUE_NEG)},
    {"partita iva", B(CUE_NEG)}, /* Italian VAT number */
    {"partita", 0},
    {"vergi", B(CUE_NEG)},  /* Turkish tax number */
    {"kvk", B(CUE_NEG)},    /* Dutch company register */
    {"oib", B(CUE_NEG)},    /* Croatian personal and tax id */
    {"tunnus", B(CUE_NEG)}, /* Finnish Y-tunnus */
    {"y-tunnus", B(CUE_NEG)},
    {"resit", B(CUE_NEG)}, /* Malay receipt */
    {"fatura", B(CUE_NEG)},
    {"encomenda", B(CUE_NEG)},
    {"lieferschein", B(CUE_NEG)},
    {"krs", B(CUE_NEG)},
    {"ein", B(CUE_NEG)},
    {"jazdy", B(CUE_NEG)},
    {"licence", B(CUE_NEG)},
    {"permit", B(CUE_NEG)},
    /* structured held-out round (bench/pii_gen_struct.py): identifiers that
     * are not a person's, in the languages of the set */
    {"routing", B(CUE_NEG)},
    {"routing number", B(CUE_NEG)},
    {"aba", B(CUE_NEG)},
    {"epoch", B(CUE_NEG)},
    {"timestamp", B(CUE_NEG)},
    {"unix time", B(CUE_NEG)},
    {"oid", B(CUE_NEG)},
    {"mib", B(CUE_NEG)},
    {"suivi", B(CUE_NEG)},
    {"kundennr", B(CUE_NEG)},
    {"kundennummer", B(CUE_NEG)},
    {"rechnungsnr", B(CUE_NEG)},
    {"rechnungsnummer", B(CUE_NEG)},
    {"bestellnr", B(CUE_NEG)},
    {"bestellnummer", B(CUE_NEG)},
    {"auftrag", B(CUE_NEG)},
    {"auftragsnummer", B(CUE_NEG)},
    {"sendungsnummer", B(CUE_NEG)},
    {"artikelnummer", B(CUE_NEG)},
    {"artikelnr", B(CUE_NEG)},
    {"seriennummer", B(CUE_NEG)},
    {"pedido", B(CUE_NEG)},
    {"factura", B(CUE_NEG)},
    {"seguimiento", B(CUE_NEG)},
    {"sn", B(CUE_NEG)},
    /* look-alike held-out round (bench/pii_gen_lookalike.py): the words of
     * receipts, invoices, orders, shipments, tax and trade papers in more
     * languages (ASCII spellings; the nearer cue still wins) */
    {"recibo", B(CUE_NEG)},
    {"ricevuta", B(CUE_NEG)},
    {"quittung", B(CUE_NEG)},
    {"fattura", B(CUE_NEG)},
    {"fatura", B(CUE_NEG)},
    {"factuur", B(CUE_NEG)},
    {"ordine", B(CUE_NEG)},
    {"encomenda", B(CUE_NEG)},
    {"bestelling", B(CUE_NEG)},
    {"ordernummer", B(CUE_NEG)},
    {"siparis", B(CUE_NEG)},
    {"rastreio", B(CUE_NEG)},
    {"spedizione", B(CUE_NEG)},
    {"zending", B(CUE_NEG)},
    {"sendung", B(CUE_NEG)},
    {"takip", B(CUE_NEG)},
    {"awb", B(CUE_NEG)},
    {"waybill", B(CUE_NEG)},
    {"imo", B(CUE_NEG)},
    {"isin", B(CUE_NEG)},
    {"cusip", B(CUE_NEG)},
    {"nif", B(CUE_NEG)},
    {"cif", B(CUE_NEG)},
    {"btw", B(CUE_NEG)},
    {"vergi", B(CUE_NEG)},
    {"siret", B(CUE_NEG)},
    {"ledger", B(CUE_NEG)},
    {"offset", B(CUE_NEG)},
    {"tag", B(CUE_NEG)}, /* an image or a release tag: "tag: 7.9.20.82" */
    {"sequence", B(CUE_NEG)},
    {"customer care", B(CUE_PHONE)},
    {"customer service", B(CUE_PHONE)},
    {"ni no", B(CUE_NINO)},
    {"ruckfragen", B(CUE_PHONE)},
    {"fragen", B(CUE_PHONE)}, /* "Bei Fragen: 0341 …" */
    {"my social", B(CUE_SSN)},
    {"hotline", B(CUE_PHONE)},
    {"helpline", B(CUE_PHONE)},
    {"landline", B(CUE_PHONE)},
    {"joindre", B(CUE_PHONE)},
    {"joignable", B(CUE_PHONE)},
    {"price", B(CUE_PRICE)},
    {"cost", B(CUE_PRICE)},
    {"costs", B(CUE_PRICE)},
    {"total", B(CUE_PRICE)},
    {"amount", B(CUE_PRICE)},
    {"balance", B(CUE_PRICE)},
    {"usd", B(CUE_PRICE)},
    {"eur", B(CUE_PRICE)},
    {"gbp", B(CUE_PRICE)},
    {"pln", B(CUE_PRICE)},
    {"cny", B(CUE_PRICE)},
    {"rmb", B(CUE_PRICE)},
    /* held-out round (bench/pii_gen_world.py): labels, greetings and closings
     * of forms, tickets and letters in more languages */
    {"madame", B(CUE_TITLE)},
    {"monsieur", B(CUE_TITLE)},
    {"saluti", B(CUE_TITLE)},
    {"atentamente", B(CUE_TITLE)},
    {"reporter", B(CUE_NAME)},
    {"assignee", B(CUE_NAME)},
    /* roles in minutes, reviews and forms ("Chair: X", "Apologies: X",
     * "Minute taker: X", "Buddy: X") */
    {"buddy", B(CUE_NAME)},
    {"mentor", B(CUE_NAME)},
    {"reviewer", B(CUE_NAME)},
    {"approver", B(CUE_NAME)},
    {"chair", B(CUE_NAME)},
    {"chairperson", B(CUE_NAME)},
    {"attendees", B(CUE_NAME)},
    {"apologies", B(CUE_NAME)},
    {"absent", B(CUE_NAME)},
    {"presenter", B(CUE_NAME)},
    {"speaker", B(CUE_NAME)},
    {"taker", B(CUE_NAME)},
    {"referee", B(CUE_NAME)},
    {"referees", B(CUE_NAME)},
    {"witness", B(CUE_NAME)},
    {"interviewer", B(CUE_NAME)},
    {"owner", B(CUE_NAME)},
    {"applicant", B(CUE_NAME)},
    {"claimant", B(CUE_NAME)},
    {"cardholder", B(CUE_NAME)},
    {"visitor", B(CUE_NAME)},
    {"passenger", B(CUE_NAME)},
    {"contact", B(CUE_NAME)},
    {"kontoinhaber", B(CUE_NAME)},
    {"inhaber", B(CUE_NAME)},
    {"ansprechpartner", B(CUE_NAME)},
    {"absender", B(CUE_NAME)},
    {"durchwahl", B(CUE_PHONE)},
    {"erreichbar", B(CUE_PHONE)},
    {"festnetz", B(CUE_PHONE)},
    {"rufnummer", B(CUE_PHONE)},
    {"callback", B(CUE_PHONE)},
    {"reisepass-nr", B(CUE_PASSPORT)},
    {"pass-nr", B(CUE_PASSPORT)},
    {"geb", B(CUE_DOB)},
    {"anschrift", B(CUE_ADDRESS)},
    {"wohnhaft", B(CUE_ADDRESS)},
    {"domicilio", B(CUE_ADDRESS)},
    {"courier", B(CUE_ADDRESS)},
    {"firmware", B(CUE_NEG)},
    {"merci", B(CUE_TITLE)},
    {"grazie", B(CUE_TITLE)},
    {"danke", B(CUE_TITLE)},
    {"gracias", B(CUE_TITLE)},
    {"obrigado", B(CUE_TITLE)},
    {"obrigada", B(CUE_TITLE)},
    {"hi its", B(CUE_NAME_NEXT)},
    {"hi it's", B(CUE_NAME_NEXT)},
    {"hey its", B(CUE_NAME_NEXT)},
    {"hey it's", B(CUE_NAME_NEXT)},
    /* world2 round (bench/pii_gen_world2.py): form labels, greetings and
     * birth cues of Portuguese, Spanish, French, Turkish, Indonesian,
     * Tagalog, Hindi (romanised) and Arabic (romanised) text */
    {"prenom", B(CUE_NAME)},
    {"prenoms", B(CUE_NAME)},
    {"apellido", B(CUE_NAME)},
    {"apellidos", B(CUE_NAME)},
    {"soyadi", B(CUE_NAME)},
    {"adi soyadi", B(CUE_NAME)},
    {"attn", B(CUE_NAME)},
    {"guest", B(CUE_NAME)},
    {"caller", B(CUE_NAME)},
    {"tenant", B(CUE_NAME)},
    {"favorecido", B(CUE_NAME)},
    {"ship to", B(CUE_NAME)},
    {"deliver to", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"nama saya", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"mera naam", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"salam", B(CUE_TITLE)},
    {"salamat po", B(CUE_TITLE)},
    {"merhaba", B(CUE_TITLE)},
    {"sayin", B(CUE_TITLE)},
    {"halo", B(CUE_TITLE)},
    {"oi", B(CUE_TITLE)},
    {"bhai", B(CUE_TITLE)},
    {"sheikh", B(CUE_TITLE)},
    {"senhor", B(CUE_TITLE)},
    {"senhora", B(CUE_TITLE)},
    {"nac", B(CUE_DOB)},
    {"bday", B(CUE_DOB)},
    {"nascido", B(CUE_DOB)},
    {"nascida", B(CUE_DOB)},
    {"dogum", B(CUE_DOB)},
    {"lahir", B(CUE_DOB)},
    {"kapanganakan", B(CUE_DOB)},
    /* greetings before a name in Swahili, Hebrew, Thai and Hungarian
     * (romanised) */
    {"habari", B(CUE_TITLE)},
    {"jambo", B(CUE_TITLE)},
    /* greetings of more languages before a name ("Sawubona Thandi", "Hej Freja") */
    {"hej", B(CUE_TITLE)},
    {"hei", B(CUE_TITLE)},
    {"ahoj", B(CUE_TITLE)},
    {"zdravo", B(CUE_TITLE)},
    {"salaam", B(CUE_TITLE)},
    {"sawubona", B(CUE_TITLE)},
    {"molo", B(CUE_TITLE)},
    {"namaste", B(CUE_TITLE)},
    {"kamusta", B(CUE_TITLE)},
    {"aloha", B(CUE_TITLE)},
    {"bula", B(CUE_TITLE)},
    {"terve", B(CUE_TITLE)},
    {"servus", B(CUE_TITLE)},
    {"tere", B(CUE_TITLE)},
    {"sveiki", B(CUE_TITLE)},
    {"shalom", B(CUE_TITLE)},
    {"sawasdee", B(CUE_TITLE)},
    {"kedves", B(CUE_TITLE)},
    {"szia", B(CUE_TITLE)},
    /* Maori and Irish greetings, Malay "saya" (I am), Romanian "my name is" */
    {"kia ora", B(CUE_TITLE)},
    {"mise", B(CUE_TITLE)},  /* Irish "is mise X" (I am X); "is" must stay no phrase start */
    {"anh", B(CUE_TITLE)},   /* Vietnamese "anh X" (Mr, elder brother) */
    {"tarihi", PII_KW_STOP}, /* Turkish "Doğum Tarihi" (date of birth): a label, no name */
    {"saya", B(CUE_TITLE)},
    {"numele meu este", B(CUE_NAME_NEXT) | B(CUE_NAME)},
    {"\xd0\xb7\xd0\xbe\xd0\xb2\xd1\x83\xd1\x82",
     B(CUE_NAME_NEXT) | B(CUE_NAME)}, /* Russian "меня зовут X" (my name is) */
    {"ma numesc", B(CUE_NAME_NEXT) | B(CUE_NAME)},
};

/* Word classes the name and address detectors ask about. The street types,
 * weak street types and unit words are lists in router/data (street_types.txt,
 * street_types_weak.txt, units.txt, units_libpostal.txt), compiled into
 * router/pii_addr_words.c by router/data/gen_gazetteer.py. */
static const char *const kw_org[] = {
    /* in other European languages too */
    "uniwersytet",
    "urzad",
    "politechnika",
    "muzeum",
    "teatr",
    "akademia",
    "biblioteka",
    "sad",
    "spolka",
    "sp",
    "spoldzielnia",
    "instytut",
    "fundacja",
    "stowarzyszenie",
    "szpital",
    "szkola",
    "ministerstwo",
    "gmina",
    "powiat",
    "wojewodztwo",
    "universitat",
    "stiftung",
    "verein",
    "krankenhaus",
    "schule",
    "amt",
    "ministerium",
    "gesellschaft",
    "universite",
    "societe",
    "ministere",
    "hopital",
    "ecole",
    "musee",
    "theatre",
    "banque",
    "universidad",
    "ministerio",
    "hospital",
    "escuela",
    "museo",
    "teatro",
    "banco",
    "sociedad",
    "universita",
    "ospedale",
    "scuola",
    "comune",
    "handel",
    "logistyka",
    "technologia",
    "investments",
    "inc",
    "ltd",
    "llc",
    "corp",
    "corporation",
    "company",
    "co",
    "group",
    "gmbh",
    "ag",
    "sa",
    "plc",
    "bank",
    "university",
    "institute",
    "foundation",
    "association",
    "orchestra",
    "band",
    "records",
    "press",
    "hotel",
    "restaurant",
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "lane",
    "drive",
    "boulevard",
    "square",
    "park",
    "river",
    "lake",
    "mountain",
    "county",
    "city",
    "state",
    "republic",
    "kingdom",
    "island",
    "islands",
    "airport",
    "station",
    "church",
    "school",
    "college",
    "academy",
    "museum",
    "center",
    "centre",
    "hospital",
    "club",
    "team",
    "systems",
    "technologies",
    "solutions",
    "services",
    "international",
    "holdings",
    "partners",
    "labs",
    "software",
    "media",
    "studios",
    "pharmaceuticals",
    "motors",
    "airlines",
    "ministry",
    "council",
    "agency",
    "department",
    /* places and things named after people ("Marie Curie Hospice", "Nobel
     * Prize", "Grupo Bimbo") */
    "hospice",
    "clinic",
    "prize",
    "award",
    "stadium",
    "arena",
    "cathedral",
    "library",
    "gallery",
    "theater",
    "grupo",
    "syndrome",
    "disease",
    /* legal forms and trades after a firm's name ("Equinor ASA", "Volvo Cars",
     * "Jollibee Foods", "Philips Healthcare", "Ayala Land") */
    "asa",
    "ab",
    "nv",
    "bv",
    "oy",
    "spa",
    "srl",
    "llp",
    "pty",
    "pte",
    "cars",
    "foods",
    "healthcare",
    "land",
    /* departments in other languages ("Departamento de Radiology") */
    "departamento",
    "departement",
    "dipartimento",
    "abteilung",
    "afdeling",
    "avdelning",
};
static const char *const kw_particle[] = {
    "ní", "nic", "ibn",   "bint", "abu", "dei",  "degli", "delle", "do",  "des",   "sur", "am",
    "an", "im",  "upon",  "nad",  "pod", "van",  "von",   "de",    "der", "den",   "da",  "di",
    "du", "del", "della", "la",   "le",  "bin",  "binti", "al",    "ten", "ter",   "dos", "das",
    "y",  "af",  "zu",    "z",    "na",  "dela", "delos", "vd",    "ap",  "verch",
};
/* Capitalised words that make a run a place, an event or a title, not a
 * person ("Southern Austria", "Labor Day", "Princess Royal"). */
static const char *const kw_notname[] = {
    "southern", "northern",    "eastern",   "western",  "north",   "south",      "east",
    "west",     "central",     "upper",     "lower",    "greater", "new",        "old",
    "saint",    "san",         "santa",     "port",     "fort",    "mount",      "princess",
    "prince",   "royal",       "queen",     "king",     "day",     "border",     "force",
    "river",    "lake",        "bay",       "island",   "valley",  "city",       "town",
    "village",  "county",      "district",  "province", "region",  "state",      "republic",
    "kingdom",  "empire",      "united",    "national", "federal", "imperial",   "global",
    "general",  "investments", "insurance", "capital",  "ratings", "consulting", "health",
    "data",     "transit",     "energy",    "airways",  "bridge",  "tower",      "hall",
    "court",    "country",     "club",      "inn",      "pass",    "harbor",     "harbour",
    "greens",   "gateway",     "parks",     "isle",     "bypass",  "crossroad",  "radial",
    "flats",    "fort",        "point",     "loop",
};
/* Function words: capitalised inside a run they mark title case. */
static const char *const kw_func[] = {
    "to",        "of",       "the",      "me",      "and",       "in",        "on",
    "at",        "for",      "a",        "an",      "with",      "by",        "from",
    "my",        "your",     "is",       "are",     "was",       "be",        "it",
    "this",      "that",     "you",      "we",      "or",        "but",       "our",
    "they",      "their",    "he",       "she",     "his",       "its",       "please",
    "thank",     "what",     "when",     "where",   "why",       "how",       "who",
    "which",     "could",    "would",    "should",  "do",        "does",      "did",
    "if",        "so",       "as",       "also",    "then",      "there",     "here",
    "these",     "those",    "all",      "some",    "any",       "not",       "after",
    "before",    "since",    "because",  "while",   "during",    "about",     "into",
    "over",      "between",  "through",  "write",   "explain",   "summarise", "summarize",
    "list",      "give",     "make",     "show",    "let",       "one",       "two",
    "each",      "every",    "other",    "many",    "most",      "more",      "such",
    "only",      "just",     "now",      "today",   "yesterday", "tomorrow",  "however",
    "therefore", "thus",     "yet",      "still",   "again",     "maybe",     "perhaps",
    "sure",      "great",    "good",     "well",    "first",     "last",      "next",
    "new",       "see",      "use",      "using",   "find",      "get",       "set",
    "add",       "create",   "check",    "note",    "see",       "read",      "translate",
    "compare",   "describe", "consider", "imagine", "suppose",   "assume",    "according",
    "in",        "an",       "are",      "were",    "has",       "have",      "had",
    "been",      "being",    "can't",    "don't",   "it's",      "that's",    "there's",
    "let's",     "we're",    "they're",  "you're",  "i've",      "you've",    "we've",
};
/* Verbs that follow a person ("Tomomi spent", "says Hartvigsson" is before). */
static const char *const kw_verb[] = {
    "said",
    "says",
    "told",
    "asked",
    "shouted",
    "replied",
    "lives",
    "lived",
    "spent",
    "married",
    "wrote",
    "joined",
    "died",
    "works",
    "worked",
    "thinks",
    "wants",
    "loves",
    "likes",
    "hates",
    "visited",
    "met",
    "gave",
    "had",
    "has",
    "will",
    "would",
    "was",
    "speaks",
    "sings",
    "sang",
    "began",
    "flew",
    "moved",
    "called",
    "explained",
    "points",
    /* more things people do in notes and chats */
    "agreed",
    "owns",
    "booked",
    "takes",
    "leads",
    "sent",
    "left",
    "arrived",
    "signed",
    "paid",
    "emailed",
    "confirmed",
};
/* Function words of other languages (German, French, Spanish, Italian,
 * Portuguese, Dutch, Polish, Scandinavian): text full of them is not English,
 * where capitalisation says little about names. */
static const char *const kw_foreign[] = {
    "toi", /* Vietnamese "Tôi" (I), folded */
    "ses",      "leur",  "leurs",  "sa",     "son",    "ont",   "avant",  "aussi", "mais",  "ha",
    "hanno",    "anche", "questo", "questa", "sul",    "dal",   "dalla",  "han",   "sobre", "entre",
    "desde",    "hasta", "muy",    "oder",   "wurden", "ihnen", "dieser", "diese", "sowie", "wenn",
    "der",      "die",   "das",    "und",    "ist",    "sind",  "nicht",  "ein",   "eine",  "einen",
    "dem",      "des",   "mit",    "von",    "zum",    "zur",   "auf",    "auch",  "sich",  "wir",
    "sie",      "ich",   "sehr",   "ihre",   "ihr",    "wird",  "werden", "oder",  "aber",  "bei",
    "nach",     "aus",   "wie",    "noch",   "nur",    "kann",  "haben",  "hat",   "wurde", "uns",
    "wohne",    "wohnt", "le",     "la",     "les",    "et",    "est",    "du",    "un",    "une",
    "pour",     "dans",  "avec",   "au",     "aux",    "sur",   "ce",     "cette", "qui",   "que",
    "pas",      "nous",  "vous",   "il",     "elle",   "ils",   "mon",    "ma",    "mes",   "votre",
    "notre",    "je",    "suis",   "chez",   "el",     "los",   "las",    "y",     "es",    "del",
    "por",      "con",   "para",   "una",    "su",     "sus",   "lo",     "al",    "como",  "pero",
    "mi",       "mis",   "vivo",   "soy",    "esta",   "este",  "di",     "che",   "della", "delle",
    "dei",      "gli",   "sono",   "ho",     "mio",    "mia",   "abito",  "ed",    "nel",   "nella",
    "alla",     "os",    "em",     "da",     "dos",    "um",    "uma",    "meu",   "minha", "moro",
    "de",       "het",   "een",    "en",     "van",    "ik",    "op",     "niet",  "met",   "voor",
    "zijn",     "mijn",  "naam",   "woon",   "bij",    "ook",   "w",      "z",     "na",    "nie",
    "jest",     "od",    "oraz",   "dla",    "przy",   "lub",   "ze",     "po",    "pan",   "pani",
    "mieszkam", "og",    "och",    "er",     "det",    "til",   "att",    "som",   "jeg",   "jag",
    "bor",      "har",   "af",     "ikke",   "inte",   "fra",   "den",
};
static const char *const kw_stop[] = {
    "nazwa",
    "nazwisko",
    "imie",
    "adres",
    "ja",
    "dane",
    "vorname",
    "nachname",
    "prenom",
    "nombre",
    "apellido",
    "i",
    "i'm",
    "i'll",
    "i've",
    "i'd",
    "ok",
    "okay",
    "god",
    "lord",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "dear",
    "hi",
    "hello",
    "hey",
    "yes",
    "no",
    "bot",
    "user",
    "re",
    "fw",
    "fwd",
    "ps",
    "tv",
    "usa",
    "uk",
    "eu",
    "un",
    "website",
    "web",
    "e-mail",
    "email",
    "mail",
    "subject",
    "info",
    "personal",
    "notes",
    "url",
    "tel",
    "mobile",
    "desk",
    "home",
    "work",
    "company",
    "title",
    "job",
    "position",
    "department",
    "phone",
    "fax",
    "address",
    "merci",
    "grazie",
    "danke",
    "gracias",
    "obrigado",
    "obrigada",
    /* greetings, never a name ("Buongiorno, mi chiamo X") */
    "buongiorno",
    "buonasera",
    "bonjour",
    "bonsoir",
    "salut",
    "hola",
    "hallo",
    "hoi",
    "hej",
    "moin",
    "servus",
    "ahoj",
    "ciao",
    "merhaba",
    "namaste",
    "shalom",
    "salaam",
    "jambo",
    "habari",
    /* honorifics written after a Turkish name ("Aigerim Hanım") */
    "hanim",
    "bey",
    "hanimefendi",
    /* labels and job titles of forms and signatures ("Prénom :", "Adı Soyadı:",
     * "Gerente de Contas", "Sr. Analyst") */
    "adi",
    "soyadi",
    "courriel",
    "correo",
    "pix",
    "gerente",
    "diretor",
    "diretora",
    "director",
    "directora",
    "manager",
    "analyst",
    "engineer",
    "consultant",
    "ceo",
    "cto",
    "cfo",
    "founder",
    "president",
    "attn",
    "nurse",
    "officer",
    "scientist",
    "specialist",
    "coordinator",
    "assistant",
    "executive",
    "administrator",
    "developer",
    "designer",
    "architect",
    "accountant",
    "technician",
    "supervisor",
    "recruiter",
    "therapist",
    "surgeon",
    "pharmacist",
    "physician",
    "paralegal",
};

#define CUE_SLOTS PII_CUE_SLOTS
uint32_t ew__pii_cue_hashes[CUE_SLOTS];
pii_cue_entry ew__pii_cue_table[CUE_SLOTS];
#define cue_hashes ew__pii_cue_hashes
#define cue_table  ew__pii_cue_table
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static uint32_t cue_hash(const char *w, size_t n)
{
    char pad[PII_WORD_MAX] = {0};
    memcpy(pad, w, n);
    return pii_word_hash(pad, n);
}

static void cue_insert(const char *w, size_t n, uint32_t cues)
{
    uint32_t h = cue_hash(w, n), i = h & (CUE_SLOTS - 1);
    while (cue_hashes[i]) {
        if (cue_hashes[i] == h && cue_table[i].len == n && !memcmp(cue_table[i].u.w, w, n)) {
            cue_table[i].cues |= cues;
            return;
        }
        i = (i + 1) & (CUE_SLOTS - 1);
    }
    cue_hashes[i] = h;
    memcpy(cue_table[i].u.w, w, n);
    cue_table[i].len = (uint8_t)n;
    cue_table[i].cues = cues;
}

static void kw_insert(const char *const *list, size_t n, uint32_t flag)
{
    for (size_t k = 0; k < n; k++)
        cue_insert(list[k], strlen(list[k]), flag | PII_CUE_FOUND);
}

#define KW(list, flag) kw_insert(list, sizeof list / sizeof list[0], flag)

/* A word, or a phrase with each of its beginnings marked as one. */
static void cue_insert_phrase(const char *w, uint32_t cues)
{
    size_t n = strlen(w);
    cue_insert(w, n, cues);
    for (size_t i = 0; i < n; i++)
        if (w[i] == ' ') cue_insert(w, i, PREFIX_BIT);
}

/* A generated list of router/pii_addr_words.c, NULL-terminated. */
static void kw_insert_all(const char *const *list, uint32_t flag)
{
    for (; *list; list++)
        cue_insert(*list, strlen(*list), flag | PII_CUE_FOUND);
}

static void cue_build(void)
{
    kw_insert_all(ew__pii_kw_street, PII_KW_STREET);
    kw_insert_all(ew__pii_kw_street_weak, PII_KW_STREET_WEAK);
    kw_insert_all(ew__pii_kw_unit, PII_KW_UNIT);
    KW(kw_org, PII_KW_ORG);
    KW(kw_particle, PII_KW_PARTICLE);
    KW(kw_stop, PII_KW_STOP);
    KW(kw_foreign, PII_KW_FOREIGN);
    KW(kw_notname, PII_KW_NOTNAME);
    KW(kw_func, PII_KW_FUNC);
    KW(kw_verb, PII_KW_VERB);
    for (const char *const *const *l = ew__pii_ctx_lists; *l; l++)
        for (const char *const *w = *l; *w; w++)
            cue_insert(*w, strlen(*w), PII_KW_CTX | PII_CUE_FOUND);
    for (const char *const *w = ew__pii_provider_names; *w; w++)
        cue_insert(*w, strlen(*w), PII_KW_KEY | PII_CUE_FOUND);
    for (size_t k = 0; k < sizeof cue_words / sizeof cue_words[0]; k++)
        cue_insert_phrase(cue_words[k].w, cue_words[k].cues);
    for (const char *const *w = ew__pii_password_words; *w; w++)
        cue_insert_phrase(*w, B(CUE_SECRET) | PII_KW_PASSWORD);
}

/* A password word of a script written in three-byte UTF-8 (Indic, Georgian,
 * Burmese, Khmer) starting at s[i]: its length, or 0. The word reader takes
 * only one- and two-byte letters, so these are matched where they start. */
size_t ew__pii_password_word_at(const unsigned char *s, size_t n, size_t i)
{
    const char *const *lists[] = {ew__pii_password_words, ew__pii_password_words_long};
    for (size_t k = 0; k < 2; k++)
        for (const char *const *w = lists[k]; *w; w++) {
            size_t l = strlen(*w);
            if ((unsigned char)(*w)[0] == s[i] && i + l <= n && !memcmp(s + i, *w, l)) return l;
        }
    return 0;
}

void ew__pii_cue_init(void)
{
    pthread_once(&cue_once, cue_build);
}

/* ASCII for the Latin-1 letters U+00C0..U+00FF (the byte after 0xC3, less
 * 0x80); NULL where there is none (×, ÷, Ð, Þ ...). */
static const char *latin1_ascii(unsigned b)
{
    static const char *const up[32] = {"a", "a",  "a", "a", "a", "a",  "ae", "c", "e",  "e", "e",
                                       "e", "i",  "i", "i", "i", NULL, "n",  "o", "o",  "o", "o",
                                       "o", NULL, "o", "u", "u", "u",  "u",  "y", NULL, "ss"};
    if (b < 0x80 || b > 0xBF) return NULL;
    if (b == 0xBF) return "y";  /* ÿ, where the capitals have ß */
    return up[(b - 0x80) & 31]; /* lowercase letters sit 0x20 above their capitals */
}

uint32_t ew__pii_folded_cues(pii_ctx *c, size_t i, size_t we)
{
    const unsigned char *s = c->s;
    char w[PII_WORD_MAX];
    size_t wl = 0;
    for (size_t k = i; k < we;) {
        const char *f = NULL;
        char one[2] = {(char)(s[k] | 0x20), 0};
        if (s[k] < 0x80) {
            f = one;
            k++;
        } else if (s[k] == 0xC3 && k + 1 < we && (f = latin1_ascii(s[k + 1])) != NULL) {
            k += 2;
        } else if ((s[k] == 0xC4 || s[k] == 0xC5) && k + 1 < we &&
                   (one[0] =
                        (char)ew__gaz_fold[(((s[k] & 0x1Fu) << 6) | (s[k + 1] & 0x3Fu)) - 0xC0]) !=
                       0) {
            f = one; /* Latin Extended-A: "Adı Soyadı", "Doğum", "hasło" */
            k += 2;
        } else {
            return 0;
        }
        size_t fl = strlen(f);
        if (wl + fl >= sizeof w) return 0;
        memcpy(w + wl, f, fl);
        wl += fl;
    }
    uint32_t cues = ew__pii_cue_lookup(w, wl);
    /* a compound's last part: "API-Schlüssel", "Zugangs-Token" */
    size_t part = wl;
    while (!cues && part > 0 && w[part - 1] != '-')
        part--;
    if (!cues && part > 0) cues = ew__pii_cue_lookup(w + part, wl - part);
    for (uint32_t bits = cues & ((1u << CUE_COUNT) - 1); bits; bits &= bits - 1)
        c->cue_at[__builtin_ctz(bits)] = (uint32_t)we;
    if (cues & (1u << CUE_NAME_NEXT)) c->name_next_at = (uint32_t)we;
    if (cues & (1u << CUE_TITLE)) c->title_at = (uint32_t)we;
    if ((cues & (1u << CUE_NAME)) && we < c->n && s[we] == ':')
        c->name_next_at = (uint32_t)we + 1; /* "Prénom : X" reads as "Name: X" */
    return cues;
}

uint32_t ew__pii_cue_lookup(const char *w, size_t n)
{
    if (n == 0 || n >= PII_WORD_MAX) return 0;
    uint64_t q[3] = {0, 0, 0};
    memcpy(q, w, n);
    return ew__pii_cue_lookup3(q[0], q[1], q[2], n, pii_word_hash3(q[0], q[1], q[2], n));
}

uint32_t ew__pii_cue_lookup_hash(const char *w, size_t n, uint32_t hash)
{
    if (n == 0 || n >= PII_WORD_MAX) return 0;
    uint64_t q[3] = {0, 0, 0};
    memcpy(q, w, n);
    return ew__pii_cue_lookup3(q[0], q[1], q[2], n, hash);
}

uint32_t ew__pii_cue_lookup3(uint64_t w0, uint64_t w1, uint64_t w2, size_t n, uint32_t hash)
{
    return pii_cue_probe(w0, w1, w2, n, hash);
}

bool ew__pii_cue_after(const pii_ctx *c, size_t end, int k, size_t window)
{
    const unsigned char *s = c->s;
    size_t n = c->n, lim = end + window < n ? end + window : n;
    size_t i = end;
    while (i < lim) {
        while (i < lim && !pii_is_alpha(s[i]))
            i++;
        size_t ws = i;
        char w[24];
        size_t wl = 0;
        while (i < n && pii_is_alpha(s[i])) {
            if (wl < sizeof w) w[wl] = (char)(s[i] | 32);
            wl++;
            i++;
        }
        if (ws == i) break;
        if (wl < sizeof w) {
            uint32_t cues = ew__pii_cue_lookup(w, wl);
            if (cues & (1u << k)) return true;
        }
    }
    return false;
}
