/* Street addresses and birth dates of session 6 (bench/pii_gen_addr.py):
 * each rule firing and not firing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "edgeway/pii.h"
#include "tests/unit/pii_case_check.h"

#define A EW_PII_STREET_ADDRESS
#define D EW_PII_DATE_OF_BIRTH
#define P EW_PII_PASSPORT

/* Floors, doors and units of other countries; a label line ends the block. */
static void test_units_and_floors(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Morada: Rua Augusta, 40, 6.\xC2\xBA Esq., 1100-057 Lisboa; data", A,
         "Rua Augusta, 40, 6.\xC2\xBA Esq., 1100-057 Lisboa"},
        {"Direcci\xC3\xB3n: Calle de Serrano, 104, 4.\xC2\xBA izda., 28001 Madrid\nFecha de "
         "nacimiento: 3 de julio de 1955",
         A, "Calle de Serrano, 104, 4.\xC2\xBA izda., 28001 Madrid"},
        {"Adresse: N\xC3\xB8rrebrogade 104, 3. mf., 2200 K\xC3\xB8"
         "benhavn N\nF\xC3\xB8"
         "dselsdato: 20. juni 2003",
         A,
         "N\xC3\xB8rrebrogade 104, 3. mf., 2200 K\xC3\xB8"
         "benhavn N"},
        {"Anschrift: Mariahilfer Stra\xC3\x9F"
         "e 107/6/11, 4020 Linz\nGeburtsdatum: 02.12.1952",
         A,
         "Mariahilfer Stra\xC3\x9F"
         "e 107/6/11, 4020 Linz"},
        {"Anschrift: Herrengasse 6/Top 5, 4020 Linz", A, "Herrengasse 6/Top 5, 4020 Linz"},
        {"Address: Blk 595 Ang Mo Kio Ave 8, #14-67, Singapore 560597\nDOB: 25 MAR 2004", A,
         "Blk 595 Ang Mo Kio Ave 8, #14-67, Singapore 560597"},
        {"Meet me at Calle 22 # 36-11, Bogot\xC3\xA1 at 13:15.", A,
         "Calle 22 # 36-11, Bogot\xC3\xA1"},
        {"Ik woon op Kerkstraat 95 bus 4, 9000 Gent.", A, "Kerkstraat 95 bus 4, 9000 Gent"},
        {"Ship to: W6858 County Road K, Harlan, IA 51537", A,
         "W6858 County Road K, Harlan, IA 51537"},
        {"Patient: Farhan\nAddress: Mannerheimintie 130\nInsurance ID: PO-16164256", A,
         "Mannerheimintie 130"},
        {"on 12/03/2024 we met", A, NULL}, /* a date is no Austrian door */
        {"Wear an N95 Mask", A, NULL},     /* a grid number has four digits */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Post boxes in their languages; the short names only before a postcode. */
static void test_post_boxes(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Adres: skr. poczt. 116, 30-240 Krak\xC3\xB3w, data", A,
         "skr. poczt. 116, 30-240 Krak\xC3\xB3w"},
        {"Mail the cheque to PO Box 6457 Stn Main, Calgary AB T2P 2M4 before", A,
         "PO Box 6457 Stn Main, Calgary AB T2P 2M4"},
        {"\"Postfach 67 10 79, 21803 Hamburg\"", A, "Postfach 67 10 79, 21803 Hamburg"},
        {"Apartado de Correos 1234, 08080 Barcelona", A,
         "Apartado de Correos 1234, 08080 Barcelona"},
        {"BP 123, 13001 Marseille Cedex 1", A, "BP 123, 13001 Marseille Cedex 1"},
        {"Box 1234, 111 82 Stockholm", A, "Box 1234, 111 82 Stockholm"},
        {"RR 2 Box 45, Harlan, IA 51537", A, "RR 2 Box 45, Harlan, IA 51537"},
        {"BP 120/80 measured at rest", A, NULL}, /* blood pressure */
        {"Put it in Box 3 of the shelf", A, NULL},
        /* set b: Hong Kong flats by floor, letter units, Argentina, Israel */
        {"Flat C, 12/F, Block 3, Kornhill, Quarry Bay, Hong Kong", A,
         "Flat C, 12/F, Block 3, Kornhill, Quarry Bay, Hong Kong"},
        {"SQS 308 Bloco C Apto 402, Asa Sul, Bras\xC3\xADlia - DF, 70355-030", A,
         "SQS 308 Bloco C Apto 402, Asa Sul, Bras\xC3\xADlia - DF, 70355-030"},
        {"Av. Santa Fe 1234 5\xC2\xB0 B, C1059ABP CABA", A,
         "Av. Santa Fe 1234 5\xC2\xB0 B, C1059ABP CABA"},
        {"Rothschild Blvd 22, Tel Aviv-Yafo 6688218", A,
         "Rothschild Blvd 22, Tel Aviv-Yafo 6688218"},
        {"Via Garibaldi, 15/A, 10122 Torino (TO)", A, "Via Garibaldi, 15/A, 10122 Torino (TO)"},
        {"C/ de Balmes, 123, 2\xC2\xBA 1\xC2\xAA, 08008 Barcelona", A,
         "C/ de Balmes, 123, 2\xC2\xBA 1\xC2\xAA, 08008 Barcelona"},
        {"Mail it to 1200 boul. Robert-Bourassa, bureau 600, Montr\xC3\xA9"
         "al QC H3B 2X6 today",
         A,
         "1200 boul. Robert-Bourassa, bureau 600, Montr\xC3\xA9"
         "al QC H3B 2X6"},
        {"I once lived in 8700 Bahnhofstra\xC3\x9F"
         "e. I now live here.",
         A,
         "8700 Bahnhofstra\xC3\x9F"
         "e."},
        {"Ordered Model Plaza 5X for the lounge.", A, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Other scripts and languages' street types and administrative areas. */
static void test_other_scripts(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"\xC4\x90\xE1\xBB\x8B"
         "a ch\xE1\xBB\x89: S\xE1\xBB\x91 174 \xC4\x91\xC6\xB0\xE1\xBB\x9Dng Tr\xE1\xBA\xA7n, "
         "ph\xC6\xB0\xE1\xBB\x9Dng Phan Chu Trinh, H\xC3\xA0 N\xE1\xBB\x99i",
         A,
         "S\xE1\xBB\x91 174 \xC4\x91\xC6\xB0\xE1\xBB\x9Dng Tr\xE1\xBA\xA7n, "
         "ph\xC6\xB0\xE1\xBB\x9Dng Phan Chu Trinh, H\xC3\xA0 N\xE1\xBB\x99i"}, /* Số 174 đường */
        {"\xD0\x90\xD0\xB4\xD1\x80\xD0\xB5\xD1\x81\xD0\xB0: \xD0\xBF\xD1\x80-\xD1\x82 "
         "\xD0\x9D\xD0\xB0\xD1\x83\xD0\xBA\xD0\xB8, 7, 61213",
         A,
         "\xD0\xBF\xD1\x80-\xD1\x82 \xD0\x9D\xD0\xB0\xD1\x83\xD0\xBA\xD0\xB8, 7, 61213"}, /* пр-т */
        {"Pla\xC3\xA7"
         "a de Catalunya, 26, 08002 Barcelona",
         A,
         "Pla\xC3\xA7"
         "a de Catalunya, 26, 08002 Barcelona"},
        {"\xEC\xA3\xBC\xEC\x86\x8C: \xEC\x84\x9C\xEC\x9A\xB8\xED\x8A\xB9\xEB\xB3\x84\xEC\x8B\x9C "
         "\xEA\xB0\x95\xEB\x82\xA8\xEA\xB5\xAC \xEC\x97\xAD\xEC\x82\xBC\xEB\x8F\x99 312-43",
         A,
         "\xEC\x84\x9C\xEC\x9A\xB8\xED\x8A\xB9\xEB\xB3\x84\xEC\x8B\x9C "
         "\xEA\xB0\x95\xEB\x82\xA8\xEA\xB5\xAC \xEC\x97\xAD\xEC\x82\xBC\xEB\x8F\x99 312-43"},
        {"\xE8\x87\xBA\xE4\xB8\xAD\xE5\xB8\x82\xE8\xA5\xBF\xE5\xB1\xAF\xE5\x8D\x80"
         "\xE5\x8F\xB0\xE7\x81\xA3\xE5\xA4\xA7\xE9\x81\x93\xE4\xB8\x89\xE6\xAE\xB5"
         "123"
         "\xE8\x99\x9F"
         "12"
         "\xE6\xA8\x93",
         A,
         "\xE8\x87\xBA\xE4\xB8\xAD\xE5\xB8\x82\xE8\xA5\xBF\xE5\xB1\xAF\xE5\x8D\x80"
         "\xE5\x8F\xB0\xE7\x81\xA3\xE5\xA4\xA7\xE9\x81\x93\xE4\xB8\x89\xE6\xAE\xB5"
         "123"
         "\xE8\x99\x9F"
         "12"
         "\xE6\xA8\x93"}, /* 臺中市西屯區台灣大道三段123號12樓 */
        {"\xE6\x94\xB6\xE4\xBB\xB6\xE5\x9C\xB0\xE5\x9D\x80\xEF\xBC\x9A\xE7\x8E\x8B"
         "\xE5\xBA\x84\xE6\x9D\x91"
         "12"
         "\xE5\x8F\xB7",
         A,
         "\xE7\x8E\x8B\xE5\xBA\x84\xE6\x9D\x91"
         "12"
         "\xE5\x8F\xB7"}, /* 收件地址：王庄村12号 */
        {"\xE7\x8E\xB0\xE4\xBD\x8F\xE6\xB5\x99\xE6\xB1\x9F\xE7\x9C\x81\xE6\x9D\xAD\xE5\xB7\x9E"
         "\xE5\xB8\x82\xE6\x96\x87\xE4\xB8\x80\xE8\xA5\xBF\xE8\xB7\xAF"
         "45\xE5\x8F\xB7\xE3\x80\x82",
         A,
         "\xE6\xB5\x99\xE6\xB1\x9F\xE7\x9C\x81\xE6\x9D\xAD\xE5\xB7\x9E\xE5\xB8\x82\xE6\x96\x87"
         "\xE4\xB8\x80\xE8\xA5\xBF\xE8\xB7\xAF"
         "45\xE5\x8F\xB7"}, /* 现住浙江省杭州市文一西路45号 */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Street words in names, concepts, products and directions. */
static void test_street_lookalikes(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Trains leave from Platform 7 at 08:15; Gate 282 for Terminal 5.", A, NULL},
        {"My son wants Plaza 300 sofa for his birthday.", A, NULL},
        {"My son wants The Crescent 12 chair.", A, NULL},
        {"The 4th Street Festival returns on 10 August 2018.", A, NULL},
        {"Analysts say Wall Street shops feel it first.", A, NULL},
        {"Our new office is at Elm Street 139; see you.", A, "Elm Street 139"},
        {"The bus station is on Vesterskovvej 79", A, "Vesterskovvej 79"},
        {"It was shown on Marina Fort Street last year.", A, "Marina Fort Street"},
        /* a known word and a number alone are a numbered thing, cue or not;
         * "on" after a capitalised word joins a title */
        {"Meet me at Apollo 11 at 07:45.", A, NULL},
        {"Meet me at Studio 54 at 21:15.", A, NULL},
        {"Meet me at Halle 18 at 12:30.", A, NULL},
        {"Tonight: Nightmare on Elm Street (101 min).", A, NULL},
        {"Meet me at Ilica 12, Zagreb.", A, "Ilica 12, Zagreb"},
        {"We live on Elm Street now.", A, "Elm Street"},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* libpostal's words of every language (street types, post boxes, buildings,
 * two-letter abbreviations before their full stop), street names first in
 * other scripts, country-prefixed postcodes, cross streets, floors in Roman
 * numerals, streets named after dates; and what stays no address: road
 * numbers, distances, ways, money, firms, citations. */
static void test_libpostal_and_shapes(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Indirizz: 98, Triq il-Kbira, Mosta MST 8585", A,
         "98, Triq il-Kbira, Mosta MST 8585"}, /* Maltese street type (libpostal) and article */
        {"\xD0\x9F\xD0\xBE\xD1\x87\xD1\x82\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 "
         "\xD0\xB0\xD0\xB4\xD1\x80\xD0\xB5\xD1\x81: \xD0\xB0/\xD1\x8F 828, "
         "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 101000",
         A,
         "\xD0\xB0/\xD1\x8F 828, \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 101000"}, /* Russian
                                                                                               post
                                                                                               box
                                                                                             */
        {"\xCE\xA4.\xCE\x98. 1234, 101 10 \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", A,
         "\xCE\xA4.\xCE\x98. 1234, 101 10 \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"}, /* Greek post
                                                                                         box
                                                                                         (libpostal)
                                                                                       */
        {"Adresa: str. \xC8\x98tefan cel Mare 93, ap. 20, MD-2001 Chi\xC8\x99in\xC4\x83u", A,
         "str. \xC8\x98tefan cel Mare 93, ap. 20, MD-2001 Chi\xC8\x99in\xC4\x83u"}, /* a
                                                                                       country-prefixed
                                                                                       postcode */
        {"\xE1\x83\x9B\xE1\x83\x98\xE1\x83\xA1\xE1\x83\x90\xE1\x83\x9B\xE1\x83\x90\xE1\x83\xA0\xE1"
         "\x83\x97\xE1\x83\x98: "
         "\xE1\x83\x90\xE1\x83\xA6\xE1\x83\x9B\xE1\x83\x90\xE1\x83\xA8\xE1\x83\x94\xE1\x83\x9C\xE1"
         "\x83\x94\xE1\x83\x91\xE1\x83\x9A\xE1\x83\x98\xE1\x83\xA1 \xE1\x83\xA5. 43, "
         "\xE1\x83\x97\xE1\x83\x91\xE1\x83\x98\xE1\x83\x9A\xE1\x83\x98\xE1\x83\xA1\xE1\x83\x98 "
         "0112",
         A,
         "\xE1\x83\x90\xE1\x83\xA6\xE1\x83\x9B\xE1\x83\x90\xE1\x83\xA8\xE1\x83\x94\xE1\x83\x9C\xE1"
         "\x83\x94\xE1\x83\x91\xE1\x83\x9A\xE1\x83\x98\xE1\x83\xA1 \xE1\x83\xA5. 43, "
         "\xE1\x83\x97\xE1\x83\x91\xE1\x83\x98\xE1\x83\x9A\xE1\x83\x98\xE1\x83\xA1\xE1\x83\x98 "
         "0112"}, /* Georgian, name first */
        {"\xD7\x9B\xD7\xAA\xD7\x95\xD7\x91\xD7\xAA: \xD7\xA8\xD7\x97' "
         "\xD7\x94\xD7\xA8\xD7\xA6\xD7\x9C 114, \xD7\x93\xD7\x99\xD7\xA8\xD7\x94 3, "
         "\xD7\x97\xD7\x99\xD7\xA4\xD7\x94 3368920",
         A,
         "\xD7\xA8\xD7\x97' \xD7\x94\xD7\xA8\xD7\xA6\xD7\x9C 114, \xD7\x93\xD7\x99\xD7\xA8\xD7\x94 "
         "3, \xD7\x97\xD7\x99\xD7\xA4\xD7\x94 3368920"}, /* Hebrew geresh */
        {"\xD0\x90\xD0\xB4\xD1\x80\xD0\xB5\xD1\x81\xD0\xB0: \xD0\xB1\xD1\x83\xD0\xBB. "
         "\xD0\x9F\xD0\xB0\xD1\x80\xD1\x82\xD0\xB8\xD0\xB7\xD0\xB0\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8 "
         "\xD0\xBE\xD0\xB4\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB8 \xD0\xB1\xD1\x80. 119, 1000 "
         "\xD0\xA1\xD0\xBA\xD0\xBE\xD0\xBF\xD1\x98\xD0\xB5",
         A,
         "\xD0\xB1\xD1\x83\xD0\xBB. "
         "\xD0\x9F\xD0\xB0\xD1\x80\xD1\x82\xD0\xB8\xD0\xB7\xD0\xB0\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8 "
         "\xD0\xBE\xD0\xB4\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB8 \xD0\xB1\xD1\x80. 119, 1000 "
         "\xD0\xA1\xD0\xBA\xD0\xBE\xD0\xBF\xD1\x98\xD0\xB5"}, /* Macedonian: long words, бр. */
        {"C\xC3\xADm: V\xC3\xA1"
         "ci utca 29. II. em. 3., 1052 Budapest",
         A,
         "V\xC3\xA1"
         "ci utca 29. II. em. 3., 1052 Budapest"}, /* Hungarian floor and door */
        {"Head office: Plot 77, Kampala Road, P.O. Box 9215, Kampala", A,
         "Plot 77, Kampala Road, P.O. Box 9215, Kampala"}, /* a box after the street */
        {"Nuestra sede est\xC3\xA1 en Av. Amazonas N22-16 y Av. Patria, Quito 170143.", A,
         "Av. Amazonas N22-16 y Av. Patria, Quito 170143"}, /* Quito's number, a cross street */
        {"Oficina: Av. Bol\xC3\xADvar, Edif. Sur, Piso 3, Caracas 1010", A,
         "Av. Bol\xC3\xADvar, Edif. Sur, Piso 3, Caracas 1010"}, /* no house number, a building */
        {"Yousef El-Sayed\n171\nTriq il-Kbira\nMosta MST 7345", A,
         "171\nTriq il-Kbira\nMosta MST 7345"}, /* a house number alone on its line */
        {"Adresas: Gedimino pr. 9, LT-01103 Vilnius", A,
         "Gedimino pr. 9, LT-01103 Vilnius"}, /* a dotted two-letter type */
        {"Direcci\xC3\xB3n: Av. 18 de Julio 1917, apto. 604, 11100 Montevideo", A,
         "Av. 18 de Julio 1917, apto. 604, 11100 Montevideo"}, /* a street named after a date */
        {"Endere\xC3\xA7o: Av. Julius Nyerere, n.\xC2\xBA 1010, Maputo", A,
         "Av. Julius Nyerere, n.\xC2\xBA 1010, Maputo"}, /* n.º */
        {"\xE0\xAE\xAE\xE0\xAF\x81\xE0\xAE\x95\xE0\xAE\xB5\xE0\xAE\xB0\xE0\xAE\xBF: "
         "\xE0\xAE\x8E\xE0\xAE\xA3\xE0\xAF\x8D 12, "
         "\xE0\xAE\x85\xE0\xAE\xA3\xE0\xAF\x8D\xE0\xAE\xA3\xE0\xAE\xBE "
         "\xE0\xAE\x9A\xE0\xAE\xBE\xE0\xAE\xB2\xE0\xAF\x88, "
         "\xE0\xAE\x9A\xE0\xAF\x86\xE0\xAE\xA9\xE0\xAF\x8D\xE0\xAE\xA9\xE0\xAF\x88 600002",
         A,
         "\xE0\xAE\x8E\xE0\xAE\xA3\xE0\xAF\x8D 12, "
         "\xE0\xAE\x85\xE0\xAE\xA3\xE0\xAF\x8D\xE0\xAE\xA3\xE0\xAE\xBE "
         "\xE0\xAE\x9A\xE0\xAE\xBE\xE0\xAE\xB2\xE0\xAF\x88, "
         "\xE0\xAE\x9A\xE0\xAF\x86\xE0\xAE\xA9\xE0\xAF\x8D\xE0\xAE\xA9\xE0\xAF\x88 600002"}, /* Tamil
                                                                                                number
                                                                                                sign
                                                                                                and
                                                                                                road
                                                                                              */
        {"Postanschrift: St\xC3\xA4"
         "dtle 12, FL-9490 Vaduz",
         A,
         "St\xC3\xA4"
         "dtle 12, FL-9490 Vaduz"}, /* Liechtenstein's prefix */
        {"Avenue 5 season 2 drops on 9 May. Tickets from 9 October 2020.", A,
         NULL}, /* a day and a month */
        {"Office: Building 12, Norzin Lam, Thimphu 11001", A,
         "Building 12, Norzin Lam, Thimphu 11001"}, /* a unit first, no street word, a postcode */
        {"Meeting in Room 12, Building B, Main Campus.", A,
         NULL}, /* a unit first without a postcode */
        {"Bundesstra\xC3\x9F"
         "e 96 is closed between km 12 and 18.",
         A, NULL},                                            /* a federal road's number */
        {"Strada Statale 16 runs along the coast.", A, NULL}, /* a state road's number */
        {"Sigue por la Calle Mayor 2 cuadras y gira a la izquierda.", A, NULL}, /* a distance */
        {"Turn left on Main Street, then right at the second light.", A, NULL}, /* a way */
        {"Facture : montant Rs. 47,51,742, \xC3\xA9"
         "ch\xC3\xA9"
         "ance 2015-02-03",
         A, NULL},                                                    /* rupees */
        {"Smith et al. 2020 showed it.", A, NULL},                    /* et al. */
        {"Program Kontroli Etap 4, Formularz RK-1704 oraz", A, NULL}, /* no country's prefix */
        {"Kwota: -100,00 PLN", A, NULL},                              /* a currency */
        {"The function takes 2 int arguments.", A, NULL},             /* a word */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Birth dates: other languages' months and cues, and dates that are no
 * births although a birth word is near. */
static void test_birth_dates(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"\xCE\x97\xCE\xBC\xCE\xB5\xCF\x81\xCE\xBF\xCE\xBC\xCE\xB7\xCE\xBD\xCE\xAF\xCE\xB1 "
         "\xCE\xB3\xCE\xAD\xCE\xBD\xCE\xBD\xCE\xB7\xCF\x83\xCE\xB7\xCF\x82: 2 "
         "\xCE\x99\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85 1972",
         D, "2 \xCE\x99\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85 1972"}, /* Greek */
        {"Geboren op 12 maart 1985 te Utrecht.", D, "12 maart 1985"},
        {"F\xC3\xB8"
         "dselsdato: 9. august 1977",
         D, "9. august 1977"},
        {"Tanggal lahir: 13 Desember 1964", D, "13 Desember 1964"},
        {"Date of birth: 12-Sep-1985", D, "12-Sep-1985"},
        {"N\xC3\xA9"
         "e le 9 mai 1990 \xC3\xA0 Lyon",
         D, "9 mai 1990"},
        {"\xE7\x94\x9F\xE5\xB9\xB4\xE6\x9C\x88\xE6\x97\xA5\xEF\xBC\x9A\xE6\x98\xAD\xE5\x92\x8C"
         "60\xE5\xB9\xB4"
         "3\xE6\x9C\x88"
         "12\xE6\x97\xA5",
         D,
         "\xE6\x98\xAD\xE5\x92\x8C"
         "60\xE5\xB9\xB4"
         "3\xE6\x9C\x88"
         "12\xE6\x97\xA5"}, /* 昭和 */
        {"\xE7\xA7\x81\xE3\x81\xAF"
         "1985\xE5\xB9\xB4"
         "3\xE6\x9C\x88"
         "12\xE6\x97\xA5"
         "\xE7\x94\x9F\xE3\x81\xBE\xE3\x82\x8C\xE3\x81\xA7\xE3\x81\x99",
         D,
         "1985\xE5\xB9\xB4"
         "3\xE6\x9C\x88"
         "12\xE6\x97\xA5"}, /* 生まれ after */
        {"2024\xE5\xB9\xB4"
         "3\xE6\x9C\x88"
         "12\xE6\x97\xA5\xE7\x94\x9F\xE6\x95\x88",
         D, NULL}, /* 生效: takes effect */
        {"Hi, I'm Ana, b. 12/01/85; I moved here.", D, "12/01/85"},
        {"Date and place of birth: 12.03.1985, Vienna", D, "12.03.1985"},
        {"Date of expiry: 11.03.2029\nPlace of birth: Vienna", D, NULL},
        {"Birthday party on 12.03.2026 at 15:00", D, NULL},
        {"Birth certificate issued on 2020-01-12 by the registry", D, NULL},
        {"Born on date: 03/12/2024 (printed on every can).", D, NULL},
        {"name,street,dob\n\"Ana Lima\",\"Rua Augusta, 274\",1985-03-12", D, "1985-03-12"},
        {"name;dob;city\nLamya bin Saleh;1980-11-09;Ibadan", D, "1980-11-09"}, /* no "sale" */
        {"Date of Birth 1990 MAY 12", D, "1990 MAY 12"},
        {"Spisov\xC3\xA1 zna\xC4\x8Dka, nar. 12. 3. 1985, trvale", D, "12. 3. 1985"},
        {"Date de naiss. : 12/03/1985", D, "12/03/1985"},
        {"Lin Wei (s. 3.5.1971) muutti Tampereelle.", D, "3.5.1971"},
        {"Birthday sale ends 12.03.2025, 20% off", D, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Addresses with a spelled number, mail held for collection, rural routes,
 * South African private bags, a unit before the street, romanised Japanese
 * blocks, libpostal's unit words, Swedish floors, Japanese kana places and
 * buildings; titles and particles that are none. */
static void test_address_forms(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Meet us at One Financial Center, Boston, MA 02111, 12th floor reception.", A,
         "One Financial Center, Boston, MA 02111"}, /* spelled number, a postcode after */
        {"The Two Rivers Park reopens in May 2020.", A,
         NULL}, /* a spelled number without a postcode */
        {"Just finished Street Fighter 2 Turbo.", A, NULL}, /* a title, no street */
        {"Send it to General Delivery, Iqaluit NU X0A 0H0 before Friday.", A,
         "General Delivery, Iqaluit NU X0A 0H0"},
        {"Drop it at Private Bag X8, Melville, 2109 please.", A, "Private Bag X8, Melville, 2109"},
        {"Correspondence: Rural Route 7, Hanover ON N4N 3B6", A,
         "Rural Route 7, Hanover ON N4N 3B6"},
        {"Room 891, 6-3 Tenjin 5-chome, Chuo-ku, Fukuoka 810-0001, near the station.", A,
         "Room 891, 6-3 Tenjin 5-chome, Chuo-ku, Fukuoka 810-0001"},
        {"New address: Apt 3B, 120 West 42nd Street, New York, NY 10036", A,
         "Apt 3B, 120 West 42nd Street, New York, NY 10036"}, /* unit, comma, street */
        {"Ci trovi in Via Toledo 391, scala B, interno 19, 80134 Napoli NA dal "
         "luned\xC3\xAC.",
         A, "Via Toledo 391, scala B, interno 19, 80134 Napoli NA"}, /* libpostal unit */
        {"Jag har flyttat till Sveav\xC3\xA4gen 78 lgh 1184, 111 64 Stockholm.", A,
         "Sveav\xC3\xA4gen 78 lgh 1184, 111 64 Stockholm"}, /* libpostal unit */
        {"Jag har flyttat till Storgatan 76 A, 5 tr, 114 10 Stockholm.", A,
         "Storgatan 76 A, 5 tr, 114 10 Stockholm"}, /* Swedish floor */
        {"\xE7\xA5\x9E\xE5\xA5\x88\xE5\xB7\x9D\xE7\x9C\x8C\xE6\xA8\xAA\xE6\xB5\x9C\xE5\xB8"
         "\x82\xE8"
         "\xA5\xBF\xE5\x8C\xBA\xE3\x81\xBF\xE3\x81\xAA\xE3\x81\xA8\xE3\x81\xBF\xE3\x82\x89"
         "\xE3\x81"
         "\x84"
         "5-6-5 "
         "\xE3\x82\xAF\xE3\x82\xA4\xE3\x83\xBC\xE3\x83\xB3\xE3\x82\xBA\xE3\x82\xBF\xE3\x83"
         "\xAF\xE3"
         "\x83\xBC"
         "A "
         "7\xE9\x9A\x8E\xE3\x81\xAB\xE5\xBC\x95\xE3\x81\xA3\xE8\xB6\x8A\xE3\x81\x97\xE3\x81"
         "\xBE\xE3"
         "\x81\x97\xE3\x81\x9F\xE3\x80\x82",
         A,
         "\xE7\xA5\x9E\xE5\xA5\x88\xE5\xB7\x9D\xE7\x9C\x8C\xE6\xA8\xAA\xE6\xB5\x9C\xE5\xB8"
         "\x82\xE8"
         "\xA5\xBF\xE5\x8C\xBA\xE3\x81\xBF\xE3\x81\xAA\xE3\x81\xA8\xE3\x81\xBF\xE3\x82\x89"
         "\xE3\x81"
         "\x84"
         "5-6-5 "
         "\xE3\x82\xAF\xE3\x82\xA4\xE3\x83\xBC\xE3\x83\xB3\xE3\x82\xBA\xE3\x82\xBF\xE3\x83"
         "\xAF\xE3"
         "\x83\xBC"
         "A 7\xE9\x9A\x8E"}, /* kana, building, floor */
        {"\xE4\xBA\xAC\xE9\x83\xBD\xE5\xBA\x9C\xE4\xBA\xAC\xE9\x83\xBD\xE5\xB8\x82\xE4\xB8"
         "\x8B\xE4"
         "\xBA\xAC\xE5\x8C\xBA\xE7\x83\x8F\xE4\xB8\xB8\xE9\x80\x9A\xE4\xB8\x83\xE6\x9D\xA1"
         "\xE4\xB8"
         "\x8B\xE3\x83\xAB\xE6\x9D\xB1\xE5\xA1\xA9\xE5\xB0\x8F\xE8\xB7\xAF\xE7\x94\xBA"
         "673\xE3\x81\xAB",
         A,
         "\xE4\xBA\xAC\xE9\x83\xBD\xE5\xBA\x9C\xE4\xBA\xAC\xE9\x83\xBD\xE5\xB8\x82\xE4\xB8"
         "\x8B\xE4"
         "\xBA\xAC\xE5\x8C\xBA\xE7\x83\x8F\xE4\xB8\xB8\xE9\x80\x9A\xE4\xB8\x83\xE6\x9D\xA1"
         "\xE4\xB8"
         "\x8B\xE3\x83\xAB\xE6\x9D\xB1\xE5\xA1\xA9\xE5\xB0\x8F\xE8\xB7\xAF\xE7\x94\xBA"
         "673"}, /* Kyoto */
        {"\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAB\xE4\xBD\x8F\xE3\x82\x93\xE3\x81"
         "\xA7\xE3"
         "\x81\x84\xE3\x81\xA6"
         "3-1-1\xE3\x81\xA7\xE3\x81\x99",
         A, NULL}, /* a particle after the prefecture */
        {"\xD7\x9B\xD7\xAA\xD7\x95\xD7\x91\xD7\xAA: \xD7\xA8\xD7\x97\xD7\x95\xD7\x91 "
         "\xD7\x94\xD7\xA8\xD7\xA6\xD7\x9C 117, \xD7\xAA\xD7\x9C "
         "\xD7\x90\xD7\x91\xD7\x99\xD7\x91",
         A,
         "\xD7\xA8\xD7\x97\xD7\x95\xD7\x91 \xD7\x94\xD7\xA8\xD7\xA6\xD7\x9C 117, "
         "\xD7\xAA\xD7\x9C "
         "\xD7\x90\xD7\x91\xD7\x99\xD7\x91"}, /* Hebrew street type */
        {"\xCE\x97 "
         "\xCE\xB4\xCE\xB9\xCE\xB5\xCF\x8D\xCE\xB8\xCF\x85\xCE\xBD\xCF\x83\xCE\xAE "
         "\xCE\xBC\xCE\xBF\xCF\x85 \xCE\xB5\xCE\xAF\xCE\xBD\xCE\xB1\xCE\xB9 "
         "\xCE\x9B\xCE\xB5\xCF\x89\xCF\x86\xCF\x8C\xCF\x81\xCE\xBF\xCF\x82 "
         "\xCE\xA3\xCF\x85\xCE\xB3\xCE\xB3\xCF\x81\xCE\xBF\xCF\x8D 213, 117 45 "
         "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1.",
         A,
         "\xCE\x9B\xCE\xB5\xCF\x89\xCF\x86\xCF\x8C\xCF\x81\xCE\xBF\xCF\x82 "
         "\xCE\xA3\xCF\x85\xCE\xB3\xCE\xB3\xCF\x81\xCE\xBF\xCF\x8D 213, 117 45 "
         "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"}, /* Greek capitals: not lowercased text
                                                       */
        {"> moving next week, new place is Na P\xC5\x99\xC3\xADkop\xC4\x9B 4, 110 00 Praha "
         "1",
         A, "Na P\xC5\x99\xC3\xADkop\xC4\x9B 4, 110 00 Praha 1"}, /* a grammar word is no
                                                                     name */
        {"Please deliver to Lot 4 Blk 42, Phase 2, Brgy. San Isidro, Antipolo City 1870 "
         "po.",
         A, "Lot 4 Blk 42, Phase 2, Brgy. San Isidro, Antipolo City 1870"}, /* an
                                                                               abbreviation's
                                                                               full stop */
        {"Office: No. 88, Sec. 5, Xinyi Rd., Xinyi Dist., Taipei City 110", A,
         "No. 88, Sec. 5, Xinyi Rd., Xinyi Dist., Taipei City 110"},
        {"Adresa mea este Bd. Eroilor nr. 28, bl. A8, sc. 2, ap. 17, Cluj-Napoca.", A,
         "Bd. Eroilor nr. 28, bl. A8, sc. 2, ap. 17, Cluj-Napoca"},
        {"\xD0\x9C\xD0\xBE\xD0\xB9 \xD0\xB0\xD0\xB4\xD1\x80\xD0\xB5\xD1\x81: "
         "\xD0\x9D\xD0\xB5\xD0\xB2\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 \xD0\xBF\xD1\x80., "
         "\xD0\xB4. "
         "18, "
         "\xD0\xA1\xD0\xB0\xD0\xBD\xD0\xBA\xD1\x82-"
         "\xD0\x9F\xD0\xB5\xD1\x82\xD0\xB5\xD1\x80\xD0\xB1\xD1\x83\xD1\x80\xD0\xB3, 191025",
         A,
         "\xD0\x9D\xD0\xB5\xD0\xB2\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 \xD0\xBF\xD1\x80., "
         "\xD0\xB4. "
         "18, "
         "\xD0\xA1\xD0\xB0\xD0\xBD\xD0\xBA\xD1\x82-"
         "\xD0\x9F\xD0\xB5\xD1\x82\xD0\xB5\xD1\x80\xD0\xB1\xD1\x83\xD1\x80\xD0\xB3, "
         "191025"}, /* the
                       type
                       after
                       the
                       name
                     */
        {"Oficina: Av. Apoquindo 6203, of. 1462, Las Condes, Santiago", A,
         "Av. Apoquindo 6203, of. 1462, Las Condes, Santiago"},
        {"He lives at 12 Main Street, Oulu. Viewings start at 5.", A, "12 Main Street, Oulu"},
        {"I once lived in P.O. Box 648, Boise, ID 83366. I now live here.", A,
         "P.O. Box 648, Boise, ID 83366"},
        {"\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\xA2\xE0\xB8\xB9\xE0\xB9\x88: "
         "74/76 "
         "\xE0\xB8\x96\xE0\xB8\x99\xE0\xB8\x99\xE0\xB8\xAA\xE0\xB8\xB8\xE0\xB8\x82\xE0\xB8\xB8\xE0"
         "\xB8\xA1\xE0\xB8\xA7\xE0\xB8\xB4\xE0\xB8\x97 "
         "\xE0\xB9\x81\xE0\xB8\x82\xE0\xB8\xA7\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8\xA5\xE0\xB8\xAD\xE0"
         "\xB8\x87\xE0\xB9\x80\xE0\xB8\x95\xE0\xB8\xA2 "
         "\xE0\xB9\x80\xE0\xB8\x82\xE0\xB8\x95\xE0\xB8\x84\xE0\xB8\xA5\xE0\xB8\xAD\xE0\xB8\x87\xE0"
         "\xB9\x80\xE0\xB8\x95\xE0\xB8\xA2 "
         "\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB8\xB8\xE0\xB8\x87\xE0\xB9\x80\xE0\xB8\x97\xE0\xB8\x9E\xE0"
         "\xB8\xAF 10110",
         A,
         "74/76 "
         "\xE0\xB8\x96\xE0\xB8\x99\xE0\xB8\x99\xE0\xB8\xAA\xE0\xB8\xB8\xE0\xB8\x82\xE0\xB8\xB8\xE0"
         "\xB8\xA1\xE0\xB8\xA7\xE0\xB8\xB4\xE0\xB8\x97 "
         "\xE0\xB9\x81\xE0\xB8\x82\xE0\xB8\xA7\xE0\xB8\x87\xE0\xB8\x84\xE0\xB8\xA5\xE0\xB8\xAD\xE0"
         "\xB8\x87\xE0\xB9\x80\xE0\xB8\x95\xE0\xB8\xA2 "
         "\xE0\xB9\x80\xE0\xB8\x82\xE0\xB8\x95\xE0\xB8\x84\xE0\xB8\xA5\xE0\xB8\xAD\xE0\xB8\x87\xE0"
         "\xB9\x80\xE0\xB8\x95\xE0\xB8\xA2 "
         "\xE0\xB8\x81\xE0\xB8\xA3\xE0\xB8\xB8\xE0\xB8\x87\xE0\xB9\x80\xE0\xB8\x97\xE0\xB8\x9E\xE0"
         "\xB8\xAF 10110"}, /* Thai: road and areas written onto their names */
        {"\xE0\xB8\xA3\xE0\xB8\xB2\xE0\xB8\x84\xE0\xB8\xB2 74 \xE0\xB8\x9A\xE0\xB8\xB2\xE0\xB8\x97",
         A, NULL}, /* a price */
        {"\xD8\xA7\xD9\x84\xD8\xB9\xD9\x86\xD9\x88\xD8\xA7\xD9\x86: "
         "\xD8\xB4\xD8\xA7\xD8\xB1\xD8\xB9 "
         "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xAD\xD8\xB1\xD9\x8A\xD8\xB1 32\xD8\x8C "
         "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9",
         A,
         "\xD8\xB4\xD8\xA7\xD8\xB1\xD8\xB9 "
         "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xAD\xD8\xB1\xD9\x8A\xD8\xB1 32\xD8\x8C "
         "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1\xD8\xA9"}, /* Arabic: no capitals, the
                                                                         Arabic comma */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Birth dates in a Japanese era's letter, in Chinese numerals, with Korean
 * 생 after the day or a two-digit year, after Chinese 生于; a birth word
 * after a date another label names is not its cue. */
static void test_birth_date_forms(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"\xE7\x94\x9F\xE5\xB9\xB4\xE6\x9C\x88\xE6\x97\xA5\xEF\xBC\x9AS60.3."
         "12\xEF\xBC\x88\xE4\xBD\x90\xE8\x97\xA4\xEF\xBC\x89",
         D, "S60.3.12"},                       /* Showa 60 */
        {"Geburtsdatum: H2.5.3", D, "H2.5.3"}, /* Heisei 2 */
        {"Model S60.3.12 firmware", D, NULL},  /* no cue */
        /* under a birth cue, by shape: two-digit years after a month's word,
         * ordinal days, a day and a month in digits, year-month-day with the
         * month's word, a year's suffix, any script's digits */
        {"DOB 7th Nov '81", D, "7th Nov '81"},
        {"dob: 19 Sep 03", D, "19 Sep 03"},
        {"Invoice date: 19 Sep 03", D, NULL},
        {"Birth date (DD MM YYYY): 23 11 1969", D, "23 11 1969"},
        {"Room 23 11 1969 is free", D, NULL},
        {"Date of birth: 1977-Oct-02", D, "1977-Oct-02"},
        {"She was born on June the 9th, 1958 in Tralee.", D, "June the 9th, 1958"},
        {"Doğum tarixi: 4 iyun 1990-cı il", D, "4 iyun 1990-cı"},
        {"วันเกิด ๓ มีนาคม ๒๕๒๐", D, "๓ มีนาคม ๒๕๒๐"},
        {"Born Sep 3 '77 in Dayton.", D, "Sep 3 '77"},
        {"D.O.B.: 21/Mar/1962", D, "21/Mar/1962"},
        {"Né le 1er février 1950 à Brest.", D, "1er février 1950"},
        {"Jaiotze data: 1962ko urtarrilaren 5a", D, "1962ko urtarrilaren 5a"},
        {"born at 10am 1980", D, NULL},
        {"\xE5\x87\xBA\xE7\x94\x9F\xE6\x97\xA5\xE6\x9C\x9F\xEF\xBC\x9A\xE4\xB8\x80\xE4\xB9\x9D\xE4"
         "\xB8\x83\xE5\x9B\x9B\xE5\xB9\xB4\xE5\x9B\x9B\xE6\x9C\x88\xE5\x8D\x81\xE4\xB8\x89\xE6\x97"
         "\xA5",
         D,
         "\xE4\xB8\x80\xE4\xB9\x9D\xE4\xB8\x83\xE5\x9B\x9B\xE5\xB9\xB4\xE5\x9B\x9B\xE6\x9C\x88\xE5"
         "\x8D\x81\xE4\xB8\x89\xE6\x97\xA5"},
        {"\xE5\x87\xBA\xE7\x94\x9F\xE6\x97\xA5\xE6\x9C\x9F\xEF\xBC\x9A\xE4\xBA\x8C\xE3\x80\x87\xE3"
         "\x80\x87\xE4\xB8\x89\xE5\xB9\xB4\xE5\x8D\x81\xE6\x9C\x88\xE4\xBA\x8C\xE5\x8D\x81\xE4\xB8"
         "\x80\xE6\x97\xA5",
         D,
         "\xE4\xBA\x8C\xE3\x80\x87\xE3\x80\x87\xE4\xB8\x89\xE5\xB9\xB4\xE5\x8D\x81\xE6\x9C\x88\xE4"
         "\xBA\x8C\xE5\x8D\x81\xE4\xB8\x80\xE6\x97\xA5"},
        {"\xE4\xBB\x96\xE7\x94\x9F\xE4\xBA\x8E"
         "1943\xE5\xB9\xB4"
         "9\xE6\x9C\x88"
         "12\xE6\x97\xA5\xEF\xBC\x8C\xE7\xB1\x8D\xE8\xB4\xAF\xE6\xB9\x96\xE5\x8C\x97\xE3\x80\x82",
         D,
         "1943\xE5\xB9\xB4"
         "9\xE6\x9C\x88"
         "12\xE6\x97\xA5"}, /* 生于 */
        {"\xE4\xBA\x8B\xE6\x95\x85\xE5\x8F\x91\xE7\x94\x9F\xE4\xBA\x8E"
         "2020\xE5\xB9\xB4"
         "3\xE6\x9C\x88"
         "1\xE6\x97\xA5\xE3\x80\x82",
         D, NULL}, /* 发生于: happened on */
        {"\xEC\xA0\x80\xEB\x8A\x94 1987\xEB\x85\x84 4\xEC\x9B\x94 "
         "12\xEC\x9D\xBC\xEC\x83\x9D\xEC\x9E\x85\xEB\x8B\x88\xEB\x8B\xA4.",
         D, "1987\xEB\x85\x84 4\xEC\x9B\x94 12\xEC\x9D\xBC"}, /* 생 after the day */
        {"2020\xEB\x85\x84 4\xEC\x9B\x94 12\xEC\x9D\xBC\xEC\x83\x9D\xEC\x82\xB0", D,
         NULL}, /* 생산: production */
        {"\xEC\x83\x9D\xEB\x85\x84\xEC\x9B\x94\xEC\x9D\xBC: 87\xEB\x85\x84 4\xEC\x9B\x94 "
         "12\xEC\x9D\xBC",
         D, "87\xEB\x85\x84 4\xEC\x9B\x94 12\xEC\x9D\xBC"},          /* two-digit year */
        {"Release date: 02/12/2023. Born Digital edition", D, NULL}, /* another date's label */
        {"\xD0\xA0\xD0\xBE\xD0\xB4\xD0\xB8\xD0\xBB\xD1\x81\xD1\x8F 1 "
         "\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F 1935 \xD0\xB3. \xD0\xB2 "
         "\xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBD\xD0\xB8.",
         D, "1 \xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F 1935"}, /* a capitalised Cyrillic
                                                                           cue */
        {"Ipinanganak noong March 12, 1998 sa Cebu.", D, "March 12, 1998"}, /* Filipino */
        {"Alizaliwa tarehe 18/05/2003 huko Mombasa.", D, "18/05/2003"},     /* Swahili */
        {"\xD7\xAA\xD7\x90\xD7\xA8\xD7\x99\xD7\x9A \xD7\x9C\xD7\x99\xD7\x93\xD7\x94: 19/12/1968", D,
         "19/12/1968"}, /* Hebrew */
        {"\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB9\x80\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x94: "
         "13/11/1990",
         D, "13/11/1990"}, /* Thai */
        {"{\"dateOfBirth\": \"1982-10-22\", \"country\": \"NZ\"}", D,
         "1982-10-22"}, /* a camelCase key */
        {"Sz\xC3\xBCletett: 1936. j\xC3\xBAlius 2.", D,
         "1936. j\xC3\xBAlius 2."}, /* Hungarian year first */
        {"In 1936. Then we left.", D, NULL},
        {"\xD8\xAA\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xAE "
         "\xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD9\x84\xD8\xA7\xD8\xAF: "
         "\xD9\xA1\xD9\xA3/\xD9\xA0\xD9\xA9/\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA0",
         D, "\xD9\xA1\xD9\xA3/\xD9\xA0\xD9\xA9/\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA0"}, /* Arabic-Indic
                                                                                      digits */
        {"\xD8\xA7\xD9\x84\xD8\xB1\xD9\x82\xD9\x85 "
         "\xD9\xA1\xD9\xA3/\xD9\xA0\xD9\xA9/\xD9\xA2\xD9\xA0\xD9\xA0\xD9\xA0",
         D, NULL},                                        /* no cue */
        {"S\xC3\xBCnniaeg: 17.10.1951", D, "17.10.1951"}, /* Estonian */
        {"\xD0\x94\xD0\xB0\xD1\x82\xD1\x83\xD0\xBC "
         "\xD1\x80\xD0\xBE\xD1\x92\xD0\xB5\xD1\x9A\xD0\xB0: 7. 3. 1987.",
         D, "7. 3. 1987"},                                                 /* Serbian */
        {"Gimimo data: 1958-10-07", D, "1958-10-07"},                      /* Lithuanian */
        {"Birthday cake order for 09/12/2019, pickup at 09:45.", D, NULL}, /* a birthday's thing */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* A Chinese landline with its extension after a dash (trunk 0, area code,
 * seven or eight digits, one to four digits). */
static void test_landline_extension(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"\xE8\x81\x94\xE7\xB3\xBB\xE7\x94\xB5\xE8\xAF\x9D 0571-8702 "
         "1234-8001\xEF\xBC\x8C\xE8\xB0\xA2\xE8\xB0\xA2",
         EW_PII_PHONE, "0571-8702 1234-8001"}, /* 联系电话 …，谢谢 */
        {"\xE8\x81\x94\xE7\xB3\xBB\xE7\x94\xB5\xE8\xAF\x9D\xEF\xBC\x9A"
         "0571-87021234-8001",
         EW_PII_PHONE, "0571-87021234-8001"},
        {"Order 0571-87021234-8001 shipped", EW_PII_PHONE, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Birth dates and passports under labels and words of any language
 * (router/data/id_labels.txt): the value's own label decides, a month word no
 * list holds is read under a birth label, other scripts' digits, ICAO 9303
 * machine-readable lines by their check digits. */
static void test_id_record_labels(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"Usuku lokuzalwa: 6 Ephreli 2002", D,
         "6 Ephreli 2002"}, /* Zulu: a month word no list holds */
        {"\xD0\x94\xD0\xB0\xD1\x82\xD1\x83\xD0\xBC "
         "\xD1\x80\xD0\xBE\xD1\x92\xD0\xB5\xD1\x9A\xD0\xB0: 27. "
         "\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBC\xD0\xB1\xD0\xB0\xD1\x80 1975.",
         D,
         "27. \xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBC\xD0\xB1\xD0\xB0\xD1\x80 1975"}, /* Serbian
                                                                                          Cyrillic
                                                                                        */
        {"Gimimo data : 1980 m. spalio 23 d.", D,
         "1980 m. spalio 23 d"}, /* Lithuanian, year first */
        {"Dzim\xC5\xA1"
         "anas datums\t1977. gada 26. janv\xC4\x81ris",
         D, "1977. gada 26. janv\xC4\x81ris"}, /* Latvian */
        {"\xE1\x8B\xA8\xE1\x88\x8D\xE1\x8B\xB0\xE1\x89\xB5 \xE1\x89\x80\xE1\x8A\x95: "
         "\xE1\x8C\x8D\xE1\x8A\x95\xE1\x89\xA6\xE1\x89\xB5 6 1975",
         D, "\xE1\x8C\x8D\xE1\x8A\x95\xE1\x89\xA6\xE1\x89\xB5 6 1975"}, /* Amharic, Ethiopian
                                                                           calendar */
        {"Kaarawan: Pebrero 11, 1962\nPetsa ng resibo: 2023-03-13", D,
         "Pebrero 11, 1962"}, /* Tagalog; not a street */
        {"Sz\xC3\xBClet\xC3\xA9si id\xC5\x91: 23-II-1982", D, "23-II-1982"}, /* a Roman month */
        {"Narodil jsem se 7.III.1961 v Brn\xC4\x9B.", D, "7.III.1961"},      /* Czech verb before */
        {"\xE0\xA6\xA8\xE0\xA6\xBE\xE0\xA6\xAE: "
         "\xE0\xA6\xAB\xE0\xA6\xBE\xE0\xA6\xA4\xE0\xA7\x87\xE0\xA6\xAE\xE0\xA6\xBE "
         "\xE0\xA6\xAC\xE0\xA7\x87\xE0\xA6\x97\xE0\xA6\xAE, "
         "\xE0\xA6\x9C\xE0\xA6\xA8\xE0\xA7\x8D\xE0\xA6\xAE\xE0\xA6\xA4\xE0\xA6\xBE\xE0\xA6\xB0\xE0"
         "\xA6\xBF\xE0\xA6\x96: "
         "\xE0\xA7\xA8\xE0\xA7\xAD/\xE0\xA7\xA7\xE0\xA7\xA8/"
         "\xE0\xA7\xA7\xE0\xA7\xAF\xE0\xA7\xAB\xE0\xA7\xAB",
         D,
         "\xE0\xA7\xA8\xE0\xA7\xAD/\xE0\xA7\xA7\xE0\xA7\xA8/"
         "\xE0\xA7\xA7\xE0\xA7\xAF\xE0\xA7\xAB\xE0\xA7\xAB"},       /* Bengali digits */
        {"Olen s\xC3\xBCndinud 24/9/1983 Tartus.", D, "24/9/1983"}, /* Estonian verb before */
        {"\xE0\xAE\xA8\xE0\xAE\xBE\xE0\xAE\xA9\xE0\xAF\x8D 21 "
         "\xE0\xAE\xAA\xE0\xAE\xBF\xE0\xAE\xAA\xE0\xAF\x8D\xE0\xAE\xB0\xE0\xAE\xB5\xE0\xAE\xB0\xE0"
         "\xAE\xBF 1960 \xE0\xAE\x85\xE0\xAE\xA9\xE0\xAF\x8D\xE0\xAE\xB1\xE0\xAF\x81 "
         "\xE0\xAE\xAA\xE0\xAE\xBF\xE0\xAE\xB1\xE0\xAE\xA8\xE0\xAF\x8D\xE0\xAE\xA4\xE0\xAF\x87\xE0"
         "\xAE\xA9\xE0\xAF\x8D.",
         D,
         "21 "
         "\xE0\xAE\xAA\xE0\xAE\xBF\xE0\xAE\xAA\xE0\xAF\x8D\xE0\xAE\xB0\xE0\xAE\xB5\xE0\xAE\xB0\xE0"
         "\xAE\xBF 1960"}, /* Tamil verb after */
        {"Nimi: Priit Kask | S\xC3\xBCnniaeg: 2-2-1977 | Arve kuup\xC3\xA4"
         "ev: 2021-07-09",
         D, "2-2-1977"}, /* Estonian */
        {"Nume\tData na\xC8\x99terii\tData eliber\xC4\x83rii\nAndrei Popescu\t\t4 ianuarie 2024", D,
         NULL}, /* the column is the issue date's */
        {"\xD0\xA0\xD0\xBE\xD1\x92\xD0\xB5\xD0\xBD\xD0\xB0 \xD1\x81\xD0\xB0\xD0\xBC \xD1\x83 "
         "\xD0\x91\xD0\xB5\xD0\xBE\xD0\xB3\xD1\x80\xD0\xB0\xD0\xB4\xD1\x83. "
         "\xD0\x92\xD0\xB0\xD0\xB6\xD0\xB8 \xD0\xB4\xD0\xBE: 20-02-2027",
         D, NULL}, /* the date's own label is another date's */
        {"az \xC3\xBAtlevelem sz\xC3\xA1ma YH5960198. Sz\xC3\xA1mla kelte: 2025. j\xC3\xBAlius 15.",
         D, NULL}, /* an invoice's date */
        {"Full name\tDeparture\tDOB\nPriya Nair\tJanuary 8, 2026\t", D, NULL}, /* a departure */
        {"Broj paso\xC5\xA1"
         "a: 786873145",
         P, "786873145"},                        /* Serbian */
        {"Pase Nr.: GC0105583", P, "GC0105583"}, /* Latvian */
        {"\xE1\x8B\xA8\xE1\x8D\x93\xE1\x88\xB5\xE1\x8D\x96\xE1\x88\xAD\xE1\x89\xB4 "
         "\xE1\x89\x81\xE1\x8C\xA5\xE1\x88\xAD EP5363430 \xE1\x8A\x90\xE1\x8B\x8D\xE1\x8D\xA2",
         P, "EP5363430"}, /* Amharic, in a sentence */
        {"{\"\xCE\x91\xCF\x81\xCE\xB9\xCE\xB8\xCE\xBC\xCF\x8C\xCF\x82 "
         "\xCE\xB4\xCE\xB9\xCE\xB1\xCE\xB2\xCE\xB1\xCF\x84\xCE\xB7\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85"
         "\": \"TB2082943\"}",
         P, "TB2082943"},                                /* Greek JSON key */
        {"passini numero on RF3025670", P, "RF3025670"}, /* Finnish */
        {"di 12000 pasos hoy, AB1234567", P, NULL},      /* Spanish steps */
        {"Broj vize: C53238813", P, NULL},               /* a visa's number */
        {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<"
         "10",
         P, "L898902C3"}, /* ICAO 9303's TD3 example */
        {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<"
         "10",
         D, "740812"}, /* its birth date */
        {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<"
         "10",
         P, NULL}, /* a check digit wrong */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* The same in more layouts and languages: dotted leaders, Markdown and XML
 * fields, format hints, other scripts' capitals, "passport" as borrowed, a
 * birth date by its record alone. */
static void test_id_record_layouts(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"DATY NAHATERAHANA ........... 1966-11-24", D, "1966-11-24"}, /* dotted leaders */
        {"| Field | |\n|---|---|\n| R\xC4\x81 wh\xC4\x81nau | 26 Haratua 1983 |", D,
         "26 Haratua 1983"}, /* a key-value Markdown row */
        {"| Item | |\n|---|---|\n| \xD0\x94\xD0\xB0\xD1\x82\xD1\x83\xD0\xBC \xD0\xBD\xD0\xB0 "
         "\xD0\xB8\xD0\xB7\xD0\xB4\xD0\xB0\xD0\xB2\xD0\xB0\xD1\x9A\xD0\xB5 | 19/7/2017 |\n| "
         "\xD0\x94\xD0\xB0\xD1\x82\xD1\x83\xD0\xBC \xD0\xBD\xD0\xB0 "
         "\xD1\x80\xD0\xB0\xD1\x93\xD0\xB0\xD1\x9A\xD0\xB5 | 3.8.1949 |",
         D, "3.8.1949"}, /* Macedonian */
        {"| Item | |\n|---|---|\n| \xD0\x94\xD0\xB0\xD1\x82\xD1\x83\xD0\xBC \xD0\xBD\xD0\xB0 "
         "\xD1\x80\xD0\xB0\xD1\x93\xD0\xB0\xD1\x9A\xD0\xB5 | 1/1/1990 |\n| Invoice date | 3 "
         "Mar 2021 |",
         D, "1/1/1990"}, /* the birth row */
        {"| # | |\n|---|---|\n| D.O.B | \xE2\x80\x94 |\n| Invoice date | 3 Mar 2021 |", D,
         NULL}, /* the invoice row, not the birth row above it */
        {"<field name=\"R\xC4\x81 wh\xC4\x81nau\">23-05-1970</field>", D,
         "23-05-1970"},                                    /* an XML field's name */
        {"DOB (dd/mm/yyyy): 14/05/1930", D, "14/05/1930"}, /* a format hint in the label */
        {"Tug\xE2\x80\x98ilgan sana: 15-fevral 2012", D,
         "15-fevral 2012"}, /* Uzbek, a typographic apostrophe */
        {"\xD0\xA2\xD0\xA3\xD2\x92\xD0\x90\xD0\x9D \xD0\x9A\xD2\xAE\xD0\x9D\xD0\x86 ....... "
         "26.03.1985",
         D, "26.03.1985"}, /* Kazakh capitals */
        {"D\xC3\xA1ta breithe: 24 Deireadh F\xC3\xB3mhair 1954", D,
         "24 Deireadh F\xC3\xB3mhair 1954"}, /* a two-word month */
        {"\xD4\xB1\xD6\x80\xD5\xA1\xD5\xB4 "
         "\xD5\x8D\xD5\xA1\xD6\x80\xD5\xA3\xD5\xBD\xD5\xB5\xD5\xA1\xD5\xB6: "
         "\xD4\xBE\xD5\xB6\xD5\xBE\xD5\xA5\xD5\xAC \xD5\xA5\xD5\xB4 7 "
         "\xD5\xB0\xD5\xB8\xD5\xAF\xD5\xBF\xD5\xA5\xD5\xB4\xD5\xA2\xD5\xA5\xD6\x80\xD5\xAB "
         "1981\xD6\x89",
         D,
         "7 \xD5\xB0\xD5\xB8\xD5\xAF\xD5\xBF\xD5\xA5\xD5\xB4\xD5\xA2\xD5\xA5\xD6\x80\xD5\xAB "
         "1981"}, /* Armenian full stop */
        {"\xD0\x9D\xD1\x8D\xD1\x80: "
         "\xD0\x91\xD0\xB0\xD1\x82\n\xD0\xA2\xD3\xA9\xD1\x80\xD1\x81\xD3\xA9\xD0\xBD "
         "\xD0\xBE\xD0\xB3\xD0\xBD\xD0\xBE\xD0\xBE: 1961 \xD0\xBE\xD0\xBD\xD1\x8B 2-\xD1\x80 "
         "\xD1\x81\xD0\xB0\xD1\x80\xD1\x8B\xD0\xBD 16",
         D,
         "1961 \xD0\xBE\xD0\xBD\xD1\x8B 2-\xD1\x80 \xD1\x81\xD0\xB0\xD1\x80\xD1\x8B\xD0\xBD "
         "16"}, /* Mongolian */
        {"\xD0\x9D\xD1\x8D\xD1\x80: \xD0\x91\xD0\xB0\xD1\x82, "
         "\xD0\x9E\xD0\xBB\xD0\xB3\xD0\xBE\xD1\x81\xD0\xBE\xD0\xBD "
         "\xD0\xBE\xD0\xB3\xD0\xBD\xD0\xBE\xD0\xBE: 2018 \xD0\xBE\xD0\xBD\xD1\x8B 9-\xD1\x80 "
         "\xD1\x81\xD0\xB0\xD1\x80\xD1\x8B\xD0\xBD 11",
         D, NULL}, /* an issue date */
        {"Igoa: Sina Tuilagi\nImeli: sina.t@example.ws\nAso tusi: 12/03/1985", D,
         "12/03/1985"}, /* a label of no known words in a person's record */
        {"Igoa: Sina Tuilagi\nImeli: sina.t@example.ws\nAso tusi: 12/03/2019", D,
         NULL}, /* a recent year */
        {"Kamupani: Apia Trading\nAso tusi: 12/03/1985", D,
         NULL},                                          /* no person's findings in the record */
        {"Nimero paaspoor: A60241429", P, "A60241429"},  /* Wolof: the borrowed word */
        {"Nimero ya pasiporo: PC401695", P, "PC401695"}, /* Kinyarwanda */
        {"\xE1\xB2\x9E\xE1\xB2\x90\xE1\xB2\xA1\xE1\xB2\x9E\xE1\xB2\x9D\xE1\xB2\xA0\xE1\xB2\xA2"
         "\xE1\xB2\x98\xE1\xB2\xA1 "
         "\xE1\xB2\x9C\xE1\xB2\x9D\xE1\xB2\x9B\xE1\xB2\x94\xE1\xB2\xA0\xE1\xB2\x98 ...... "
         "41WH28016",
         P, "41WH28016"},                                     /* Georgian Mtavruli */
        {"Numera_o_le_tusi_folau=\"P195776\"", P, "P195776"}, /* underscores in a key */
        {"pasapalabra 12345678", P, NULL},                    /* a Spanish word, not "passport" */
    };
    check_all(k, sizeof k / sizeof k[0]);
}

/* Chinese addresses without a road word or with one read late: Hong Kong
 * estates and blocks, a direction after the road, a village, a particle
 * starting a road after the district, the rest of a label (pii_gen_zh.py). */
/* The value of an address field of any language is an address when it has
 * one's shape (router/pii_addr_label.c); other things' addresses are not. */
static void test_address_fields(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"ලිපිනය: අංක 45, මහනුවර පාර, මාතර", EW_PII_STREET_ADDRESS, "අංක 45, මහනුවර පාර, මාතර"},
        {"Суроға: хиёбони Исмоили Сомонӣ 8, Хуҷанд", EW_PII_STREET_ADDRESS,
         "хиёбони Исмоили Сомонӣ 8, Хуҷанд"},
        {"<homeAddress>ቤት ቁጥር 12፣ መርካቶ፣ አዲስ አበባ</homeAddress>", EW_PII_STREET_ADDRESS,
         "ቤት ቁጥር 12፣ መርካቶ፣ አዲስ አበባ"},
        {"id;address\n7;\"Travesía Ficticia 3, Quito\"", EW_PII_STREET_ADDRESS,
         "Travesía Ficticia 3, Quito"},
        {"<address>Kim Lee<br>5 Rata Street<br>Nelson 7010</address>", EW_PII_STREET_ADDRESS,
         "5 Rata Street<br>Nelson 7010"},
        {"Address: 4 Birch Lane, Leeds LS6 2AB, Phone: 0113 496 0000", EW_PII_STREET_ADDRESS,
         "4 Birch Lane, Leeds LS6 2AB"},
        {"Adresa: Bulevardul Unirii 3, bl. A2, București. Vă aștept.", EW_PII_STREET_ADDRESS,
         "Bulevardul Unirii 3, bl. A2, București"},
        {"IP address: 10.0.0.1 (gateway)", EW_PII_STREET_ADDRESS, NULL},
        {"Email address: ana@example.org", EW_PII_STREET_ADDRESS, NULL},
        {"Address: see the attached letter", EW_PII_STREET_ADDRESS, NULL},
        {"MAC Address: 00:1A:2B:3C:4D:5E on eth0", EW_PII_STREET_ADDRESS, NULL},
        {"Server address: db01.internal port 5432", EW_PII_STREET_ADDRESS, NULL},
        {"[billing]\naddress = \"Carrer Gran 8, 25700 La Seu\"", EW_PII_STREET_ADDRESS,
         "Carrer Gran 8, 25700 La Seu"},
        {"level=info address=\"Plot 9, Kafue Road, Lusaka\" status=200", EW_PII_STREET_ADDRESS,
         "Plot 9, Kafue Road, Lusaka"},
        {"retries=3 address=\"10.0.0.7:8080\"", EW_PII_STREET_ADDRESS, NULL},
        /* a label alone on its line, or a c/o line: the lines after it */
        {"Address\nUnit 4, Block 12\nRoad 318\nSitra", EW_PII_STREET_ADDRESS,
         "Unit 4, Block 12\nRoad 318\nSitra"},
        {"SHIP TO:\nJUNO PARK\n7 KAURI LANE\nTAUPO 3330\nPHONE: 07 555 0101", EW_PII_STREET_ADDRESS,
         "7 KAURI LANE\nTAUPO 3330"},
        {"c/o Amara Diallo\nRue Carnot\nn° 14\nThiès", EW_PII_STREET_ADDRESS,
         "Rue Carnot\nn° 14\nThiès"},
        {"| Name | Address |\n|---|---|\n| Ann Lee | 3 Park Road, Hove BN3 2AB |",
         EW_PII_STREET_ADDRESS, "3 Park Road, Hove BN3 2AB"},
        {"Address\nsee the form\n\nThanks", EW_PII_STREET_ADDRESS, NULL},
        {"Address: 0x7ffd5e8c (stack frame 3)", EW_PII_STREET_ADDRESS, NULL},
        /* without a field: "s/n" is a house's number, a street named
         * without one before its postcode and town, Hebrew's prefix letter */
        {"Nos vemos en Avda. de la Constitución s/n, 28013 Madrid.", EW_PII_STREET_ADDRESS,
         "Avda. de la Constitución s/n, 28013 Madrid"},
        {"Wir sind jetzt in der Lindenstraße, 04109 Leipzig.", EW_PII_STREET_ADDRESS,
         "Lindenstraße, 04109 Leipzig"},
        {"Main Street, 2024 Report", EW_PII_STREET_ADDRESS, NULL},
        {"גרתי ברחוב הרצל 15 בחיפה", EW_PII_STREET_ADDRESS, "רחוב הרצל 15"},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

static void test_chinese_addresses(void **state)
{
    (void)state;
    static const pcase k[] = {
        {"我係朱家豪，住香港柴灣禾輋邨豐盛樓30樓19室，唔該", A, "香港柴灣禾輋邨豐盛樓30樓19室"},
        {"Address on file: 九龍紅磡黃埔花園8座35樓A室", A, "九龍紅磡黃埔花園8座35樓A室"},
        {"住九龍德輔道中743號3樓G室，唔該", A, "九龍德輔道中743號3樓G室"},
        {"收件人：秦伟\n湖北省武汉市江汉区和平里东街500号\n寄件人", A,
         "湖北省武汉市江汉区和平里东街500号"},
        {"现住址：山东省青岛市黄岛区和平里东街906号\n", A, "山东省青岛市黄岛区和平里东街906号"},
        {"\n安徽省阜阳市临泉县白塔镇红星村9组72号\n", A, "安徽省阜阳市临泉县白塔镇红星村9组72号"},
        /* a residential compound's building, unit and flat */
        {"地址：成都市龙湖春江郦城2栋1单元703", A, "成都市龙湖春江郦城2栋1单元703"},
        {"毕业于北京大学，现居万科金域华府14栋4单元2482", A, "万科金域华府14栋4单元2482"},
        /* a floor and a room in prose, a road's number after digits */
        {"请到3楼301室办理", A, NULL},
        {"新加坡宏茂桥10道371座", A, NULL},
        {"会议在2号楼举行", A, NULL},
    };
    check_all(k, sizeof k / sizeof k[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_and_floors),     cmocka_unit_test(test_post_boxes),
        cmocka_unit_test(test_other_scripts),        cmocka_unit_test(test_street_lookalikes),
        cmocka_unit_test(test_birth_dates),          cmocka_unit_test(test_birth_date_forms),
        cmocka_unit_test(test_id_record_labels),     cmocka_unit_test(test_id_record_layouts),
        cmocka_unit_test(test_address_forms),        cmocka_unit_test(test_landline_extension),
        cmocka_unit_test(test_libpostal_and_shapes), cmocka_unit_test(test_chinese_addresses),
        cmocka_unit_test(test_address_fields),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
