#!/usr/bin/env python3
"""A held-out set for street_address and date_of_birth ("addr"), written in
session 6 before any change to the address or birth-date readers and scored
once on first contact. Everything differs from world .. world5:

- addresses of Austria (stairs and doors "45/3/12", "Top 5"), Switzerland
  (street first in German, French and Italian), Belgium (Dutch "bus 3",
  French "Rue de la Loi 16"), Portugal ("2.º Esq."), Denmark ("2. th."),
  Sweden and Norway, Singapore ("#05-67"), the Philippines, Indonesia
  ("Jl. ... Kav."), Thailand ("Moo", "Soi"), Colombia ("Calle 93 # 11-26"),
  Chile, Ukraine in Cyrillic, the US (rural routes, grid addresses, spelled
  numbers, ordinal avenues with floors), French Canada ("app.", "(Québec)"),
  Australia ("Level 12"), post boxes in their languages (Postfach, BP,
  Apartado, Casella Postale, Postbus, skr. poczt.), CJK script in other
  shapes (Taiwan 巷/弄/樓, Hong Kong traditional, Japanese 丁目/番地 with a
  building and floor, Korean jibun and floors), Vietnamese with Tầng/Tòa
  nhà and abbreviated P./Q.;
- where they stand: letters with a letterhead block, forms with the street
  on its own labelled line, "c/o", landmarks ("near"), CSV and JSON;
- birth dates after cues of Dutch, Danish, Swedish, Norwegian, Portuguese,
  Italian, Catalan, Greek, Ukrainian, Indonesian, Chinese, Japanese and
  Korean, and English short forms ("b.", "DOB:", "D.O.B", "born on the"),
  in written months of those languages, two-digit years, "12-Mar-1985",
  "1985/3/12", Japanese era years;
- look-alikes: street words in firm and product names (Abbey Road Studios,
  Street Triple 765), streets as concepts (Wall Street, Main Street shops),
  directions and road numbers, platforms, gates and terminals, metro lines
  (3号线, 2호선), music ("Suite No. 3"), model numbers, times and prices
  next to street words; dates under other cues (issue, expiry, founded,
  death, a birthday party's date, a beer's "born on" date, a birth
  certificate's issue date), timestamps.

  python3 bench/pii_gen_addr.py [--set a|b] [--n 800] [--seed 801] > /tmp/addr.json
  python3 bench/pii_eval.py --only generated --generated /tmp/addr.json

Set b (--set b, seeds 811/812) was written after the rules for set a, with
other countries (Scotland's tenement flats, Israel, Brasília's superquadras,
Peru, Turkey's Mah., Bangladesh, Kenya, Kazakhstan, rural China, Sapporo's
grid, Korean 번길), templates (invoices with two blocks, SMS, Markdown and
YAML, XML, signatures, 收件地址, 送付先) and birth dates (12MAR1990, "1990 MAR
12", Czech "nar. 12. 3. 1990", Hungarian "1990.03.12.", Nordic "s."/"f.")
and look-alikes (events and games named after places and units).

Set c (--set c, seeds 821/822) was written in session 7 after the rules for
b, before any change for it: Japanese, Korean and Chinese addresses in their
script and romanised (Kyoto's 下ル, Korean 동/호, 津汇广场2座), Indian
addresses with landmarks (Opp., Behind, Near, Beside), Brazil, Mexico, Spain,
Italy, the Netherlands, Poland, Sweden, Australia, Canada, Ireland and South
Africa in their own forms (Conjunto Casa, Int., ático, scala interno, -III,
m., lgh and tr, RMB, Site Comp, General Delivery, Eircodes, Erf, PostNet
Suite), building names (One Canada Square), unit first (5/27, Ste 100 -),
rural routes and private bags, envelopes with a country line, addresses in
running text of each language and in press releases (a head office is an
address); birth dates after each language's own cue (F. Nac., nato a Roma il,
Urodzony, Född, जन्म तिथि, 生まれ, 생, 出生日期) in its order, Japanese era
abbreviations (S60.3.12), Korean two-digit years, Chinese numerals; look-
alikes: Route 66, Platform 9¾, Version 2 Street Fighter, gates, piers,
metro exits, issue/expiry/hire dates in those languages.

Set d (--set d, seeds 831/832) was written after the rules for c, before
any change for it: Czech, Romanian, Greek and Russian addresses in their
scripts, Finnish stair letters, Malaysia, Philippine lots and barangays,
Taiwan and Hong Kong in English, Turkish No:/D:, Riyadh, Lagos plots,
Wellington levels, Chilean of., US fractions and N./Ste., English house
names, Quebec, Thai, Hebrew and Arabic script; all-caps shipping labels,
map links, quoted chat, a press release; birth dates after Czech, Romanian,
Russian (г.), Hungarian, Thai (Buddhist years), Arabic (Arabic-Indic
digits), Malay, Filipino, Swahili, Finnish, Hebrew cues, US short years,
ISO with a time, a mother's; look-alikes: music, stations, brands, a birth
year alone, expiry, anniversaries, deaths, invoices.

Set e (--set e, seeds 841/842) was written after the rules for d, before
any change for it: Iceland, the Baltics, Croatia, Serbian and Bulgarian
Cyrillic, Georgian script, Sri Lanka, Egypt and Morocco in English and
French, Ghana, Uruguay, Puerto Rico, Jamaica, New Zealand rural delivery, a
building before the block (Roppongi Hills Mori Tower 20F), a Beijing office
with no street, a signature line with pipes, lowercase chat; birth dates
after Icelandic, Estonian, Latvian, Lithuanian, Croatian, Serbian,
Bulgarian, Georgian, Persian (its digits), Urdu, Bengali and Tamil cues,
"Born:", "the 3rd of May"; look-alikes: routes, gates, sections, chart
places, plot twists, issue and expiry dates in those languages.

Set f (--set f, seeds 851/852) was written in session 8 after the rules for
e, before any change for it, for addresses alone: native scripts (Armenian,
Greek and Hebrew abbreviations and post boxes, Jordanian Arabic with a
floor, Persian digits and پلاک, Hindi in Devanagari, a Thai building and
floor, Korean floors and units, Georgian abbreviations, Macedonian and
Mongolian Cyrillic, Russian а/я), Slovakia, Slovenia, Hungarian floors,
Albania, Azerbaijan and Uzbekistan, Moldova's and Luxembourg's prefixed
postcodes, Malta, Argentina, Venezuela, Ecuador's N-numbers, Guatemala's
zones, the Dominican Republic, Cuba's e/, Chilean Casilla, Tanzania's
S.L.P., Senegal, Rwanda's KG numbers, Ethiopia, Afrikaans Posbus, Tunisia,
Uganda, Mozambique and Angola, Cambodia's Sangkat/Khan, Myanmar's
townships, Laos, Brunei's Simpang, Pakistan's sectors, Nepal's wards,
Qatar's zones, Indonesian Kotak Pos; envelopes, JSON, CSV, signatures,
capitals; look-alikes: directions ("turn left on Main Street"), streets as
places in running text, firms named after streets, films, shows and songs
("21 Jump Street", "42nd Street"), products with a street word and a
number, road numbers, floors, units and rooms that are no address.

Set g (--set g, seeds 861/862) was written after the rules for f, before any
change for it: Belarusian and Kyrgyz Cyrillic, Amharic in Ethiopic, Bengali
with its digits, Tamil, Urdu, Hebrew שדרות, Saudi national addresses, Greek
Οδός, Turkish Mah./Cad./Daire:, Polish lok., Czech conscription numbers,
Portuguese floors, the Faroes', Liechtenstein's, Monaco's and Andorra's
postcodes, Gibraltar, Welsh, Basque, Catalan, Galician, Brasília's SQS
blocks, Peru's Jr., Bolivia's N°, Paraguay's c/, Panama and Honduras with
no house number, Haiti, Trinidad, Zambia, Zimbabwe, Cameroon's BP,
Madagascar's lots, Mali's Porte, Algeria, Singapore's Blk, the Maldives'
house names, Papua New Guinea's sections, Fiji, Bhutan, Kazakh пр.;
Markdown tables, YAML, lowercase chat, capitals; look-alikes: ranks and
levels (Platz 3, Nr. 1, Kat 3, Piso 3, Etage 2), street words in code and
logs (new Street(12), Drive 2 TB, Route 53, Block 812345), songs and films,
streets as places, firms named after streets.

Set h (--set h, seeds 871/872) was written in session 9 after the rules for g,
before any change for it: house numbers in their script's digits (Devanagari
for Nepali and Marathi, Gujarati, Thai, Khmer, Myanmar, Lao, Persian for Dari,
Arabic-Indic for Iraq and Sudan), Telugu, Malayalam and Sinhala, Tigrinya and
Amharic in Ethiopic, Tajik Cyrillic, Russian postcode-first, Cypriot Greek,
Hebrew after a prefix letter, Shanghai's 弄, romanised Japanese blocks (1-2-3
Ginza), Korean road numbers, streets without a house number before a
postcode (Hauptstraße, 10115 Berlin; Rue de Rivoli, 75001 Paris; Am Markt),
Spanish s/n, Italian provinces in brackets, Dutch -II and hs, Kosovo,
Montenegro, Bosnia, Greenland, Irish in Irish with an Eircode, US military
and PMB boxes, Queensland lots, Côte d'Ivoire's 01 BP, Kinshasa's communes,
Mauritius, Namibia, Botswana's plots, Malawi's private bags, El Salvador, Costa
Rica, Guyana, Suriname, Barbados' BB postcodes, New Caledonia, Tonga; layouts:
vCard ADR values, HTML <address> with <br>, letters with a c/o line and the
date above, German envelopes (Herrn), JSON line1, semicolon CSV, XML, Markdown
lists, lowercase chat; birth dates in Turkish, Polish, Czech and Finnish
genitive months, Swahili, Malay, Tagalog, Arabic, Hindi, Thai (Thai digits and
Buddhist years), Irish, Welsh, Albanian, Azerbaijani, Kazakh months, English
"March the 12th", "12th Mar '85", "1985-Mar-12", "12 Mar 85", Devanagari and
Bengali digits, Hijri years, spaced digits, cues of Afrikaans, Basque, Greek
abbreviations, Mongolian and Uzbek; look-alikes: numbered places and things
(Route 66, Building 7, Gate 12, Level 3, Studio 54, Apollo 11, Halle 7,
Bahnsteig 3, Ruta 40), titles named after streets, firms named after streets,
issue, expiry, wedding, hire and graduation dates in other languages.

Set i (--set i, seeds 881/882) was written in session 9 after the rules for h
(address fields of ~90 languages, birth dates by shape), before any change for
it: Kannada, Gurmukhi and Odia with their digits, Dhivehi in Thaana, Dzongkha
in Tibetan, Egyptian Arabic with Arabic-Indic digits, Kuwait's and Bahrain's
block-street-house, Oman's ways, Beirut without a number, Turkmen, Tatar,
Macau in Chinese and Portuguese, Fukuoka with 〒, Daegu's 길, Kaohsiung's 巷,
Saigon, Georgian and Armenian avenues, Bulgarian №, Thessaloniki, Haifa,
Sri Lankan Tamil, Tahiti, Réunion, the Caymans, Bermuda, the Falklands, Man,
Jersey, Åland, San Marino, South Tyrol, Romansh, Estonia, Helsinki in
Swedish, Oslo, Scottish Gaelic, Burundi, Brazzaville, Cape Verde, Freetown,
Lomé, Ouagadougou, Lesotho, Eswatini, Dili, Belize, St Lucia, Managua; labels
no rule was written from (Salgysy, Seòladh, Aterese, Enderesu, Postiaadress,
받는 곳) and layouts: YAML block scalars, INI, SQL INSERT, HTML table cells,
logfmt, Markdown bold, bullets, dotted leaders, a label on the line above,
pipes, c/o; birth dates: French "1er", Ukrainian "р.", Georgian, Armenian
"թ.", Maltese "ta'", Basque "1985eko martxoaren 12a", Estonian, Indonesian
TTL (place, date), Hausa, Yoruba, Somali, Romanian, "12/Mar/1985", "Mar 12
'85", "12 March, 1985", "1985/03/12 (age 41)", "12-3-1985", year and month in
CJK, Nepali Bikram Sambat in Devanagari digits, compact dates in key=value,
HTML cells and SQL, Kurdish, Tatar and Oromo cues; look-alikes: seats, gates,
lanes, halls, courts, bays, stands, lockers, songs and films named after
streets, expiry, validity, issue, vaccination and membership dates.

Stdlib only; the output depends on --set and --seed alone. Seed 801's errors
may be read after its first contact; seed 802's are never read (likewise
811/812, 821/822, 831/832, 841/842, 851/852, 861/862, 871/872 and 881/882).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n


def up2():
    return ''.join(pick('ABDEFGHJLNPRSTUWXYZ') for _ in range(2))


# ---- addresses: street to postcode and town (no country line) ------------------
def a_at(sep):
    st = pick(['Mariahilfer Straße %d/%d/%d' % (n(1, 120), n(1, 6), n(1, 30)),
               'Landstraßer Hauptstraße %d/%d' % (n(1, 200), n(1, 40)),
               'Herrengasse %d/Top %d' % (n(1, 30), n(1, 20)),
               'Praterstraße %d, Stiege %d, Tür %d' % (n(1, 80), n(1, 5), n(1, 25))])
    return st + sep + pick(['1060 Wien', '1030 Wien', '8010 Graz', '4020 Linz', '5020 Salzburg'])


def a_ch(sep):
    return pick(['Bahnhofstrasse %d%s8001 Zürich' % (n(1, 120), sep),
                 'Rue du Rhône %d%s1204 Genève' % (n(1, 120), sep),
                 'Via Nassa %d%s6900 Lugano' % (n(1, 60), sep),
                 'Spitalgasse %d%s3011 Bern' % (n(1, 50), sep),
                 'Avenue de la Gare %d%s1003 Lausanne' % (n(1, 60), sep)])


def a_be(sep):
    return pick(['Rue de la Loi %d%s1000 Bruxelles' % (n(1, 200), sep),
                 'Kerkstraat %d bus %d%s9000 Gent' % (n(1, 150), n(1, 12), sep),
                 'Chaussée de Waterloo %d%s1180 Uccle' % (n(1, 1500), sep),
                 'Meir %d bus %d%s2000 Antwerpen' % (n(1, 120), n(1, 9), sep)])


def a_pt(sep):
    return pick(['Rua Augusta, %d, %d.º Esq.%s1100-%03d Lisboa' % (n(1, 300), n(1, 6), sep,
                                                                 n(0, 999)),
                 'Av. da Liberdade %d, %d.º Dto%s1250-%03d Lisboa' % (n(1, 250), n(1, 9), sep,
                                                                     n(0, 999)),
                 'Rua de Santa Catarina %d%s4000-%03d Porto' % (n(1, 900), sep, n(0, 999))])


def a_nordic(sep):
    return pick(['Nørrebrogade %d, %d. %s%s2200 København N' % (n(1, 250), n(1, 5),
                                                                 pick(['th.', 'tv.', 'mf.']), sep),
                 'Vesterbrogade %d, st. tv.%s1620 København V' % (n(1, 200), sep),
                 'Drottninggatan %d%s111 %02d Stockholm' % (n(1, 120), sep, n(10, 60)),
                 'Kungsportsavenyen %d%s411 %02d Göteborg' % (n(1, 60), sep, n(10, 60)),
                 'Karl Johans gate %d%s0159 Oslo' % (n(1, 50), sep),
                 'Storgata %d%s%04d Tromsø' % (n(1, 150), sep, n(9000, 9020))])


def a_sg(sep):
    return pick(['Blk %d Ang Mo Kio Ave %d, #%02d-%02d%sSingapore 560%03d' % (
        n(100, 700), n(1, 10), n(2, 25), n(1, 99), sep, n(100, 999)),
        '%d Anson Road, #%02d-%02d International Plaza%sSingapore 079%03d' % (
            n(1, 80), n(2, 50), n(1, 20), sep, n(100, 999))])


def a_ph(sep):
    return 'Unit %d, %dF %s, %s%s%s' % (n(101, 3505), n(2, 40), pick(['Tower One', 'PBCom Tower',
                                                                    'Zuellig Building']),
                                        pick(['Ayala Avenue', 'Paseo de Roxas',
                                              'Makati Avenue']), sep,
                                        pick(['Makati City 1226', 'Bonifacio Global City, '
                                              'Taguig 1634']))


def a_id(sep):
    return pick(['Jl. Jend. Sudirman Kav. %d-%d%sJakarta Selatan 12%03d' % (
        n(1, 60), n(61, 90), sep, n(100, 999)),
        'Jl. Malioboro No. %d%sYogyakarta 55%03d' % (n(1, 200), sep, n(100, 299)),
        'Jalan Braga No. %d, Sumur Bandung%sBandung 40111' % (n(1, 150), sep)])


def a_th(sep):
    return '%d/%d Moo %d, Soi Sukhumvit %d, %s%sBangkok 10%03d' % (
        n(1, 400), n(1, 99), n(1, 12), n(1, 101), pick(['Khlong Toei Nuea, Watthana',
                                                       'Phra Khanong, Khlong Toei']),
        sep, n(100, 999))


def a_latam(sep):
    return pick(['Calle %d # %d-%d%sBogotá' % (n(1, 170), n(1, 99), n(1, 99), sep),
                 'Carrera %d No. %d-%d, Oficina %d%sMedellín' % (n(1, 80), n(1, 99), n(1, 99),
                                                                 n(101, 1205), sep),
                 'Av. Providencia %d, Depto %d%sProvidencia, Santiago' % (n(100, 3000),
                                                                          n(11, 2402), sep)])


def a_ua(sep):
    return pick(['вул. %s, %d, кв. %d%sКиїв, 0%04d' % (pick(['Хрещатик', 'Володимирська',
                                                               'Саксаганського']), n(1, 120),
                                                         n(1, 200), sep, n(1000, 4999)),
                 'пр-т %s, %d%sХарків, 61%03d' % (pick(['Науки', 'Гагаріна']), n(1, 90), sep,
                                                  n(0, 999))])


def a_us(sep):
    city = pick(['Harlan, IA 51537', 'Waukesha, WI 53188', 'New York, NY 10118',
                 'Washington, DC 20500', 'Juneau, AK 99801', 'Taos, NM 87571'])
    st = pick(['RR %d Box %d' % (n(1, 9), n(1, 999)),
               'HC %d Box %d' % (n(1, 80), n(100, 9999)),
               'N%dW%d %s' % (n(1, 99), n(10000, 29999), pick(['Bluemound Rd', 'Capitol Dr'])),
               'W%d County Road %s' % (n(1000, 9999), pick('KJMQ')),
               '%d %d%s Ave, Fl %d' % (n(100, 999), n(5, 9), 'th', n(2, 80)),
               'One %s, Suite %d' % (pick(['Liberty Plaza', 'Financial Center', 'Market Street']),
                                     n(100, 4800)),
               '%d Pennsylvania Ave NW' % n(100, 3000),
               'PO Box %d' % n(100, 99999)])
    return st + sep + city


def a_ca(sep):
    return pick(['%d, rue Sherbrooke Ouest, app. %d%sMontréal (Québec) H3G 1K%d' % (
        n(100, 4999), n(1, 40), sep, n(1, 9)),
        '%d, boulevard René-Lévesque Est, bureau %d%sQuébec (Québec) G1R 2B%d' % (
            n(100, 999), n(100, 900), sep, n(1, 9)),
        'PO Box %d Stn Main%sCalgary AB T2P 2M%d' % (n(100, 9999), sep, n(1, 9))])


def a_au(sep):
    return pick(['Level %d, %d Martin Place%sSydney NSW 2000' % (n(2, 40), n(1, 60), sep),
                 'Unit %d, %d-%d Smith St%sParramatta NSW 2150' % (n(1, 30), n(1, 40),
                                                                    n(41, 60), sep),
                 'PO Box %d%sFitzroy VIC 3065' % (n(1, 999), sep),
                 'Shop %d, %d Rundle Mall%sAdelaide SA 5000' % (n(1, 30), n(1, 200), sep)])


def a_uk(sep):
    pc = '%s%d %d%s' % (pick(['BA', 'W', 'CF', 'LS', 'NE', 'G']), n(1, 20), n(0, 9), up2())
    return pick(['Basement Flat, %d Royal Crescent%sBath %s' % (n(1, 30), sep, pc),
                 'Flat %d, %d Leamington Road Villas%sLondon %s' % (n(1, 9), n(1, 60), sep, pc),
                 'PO Box %d%sCardiff %s' % (n(100, 9999), sep, pc),
                 'Unit %d, Riverside Business Park, Mill Road%sLeeds %s' % (n(1, 40), sep, pc)])


def a_de(sep):
    return pick(['Postfach %d %02d %02d%s%05d Hamburg' % (n(10, 99), n(0, 99), n(0, 99), sep,
                                                        n(20000, 22999)),
                 'Friedrichstraße %d, Hinterhaus, %d. OG%s101%02d Berlin' % (n(1, 200), n(1, 5),
                                                                            sep, n(10, 99)),
                 'Str. des 17. Juni %d%s10623 Berlin' % (n(100, 150), sep),
                 'Musterweg %d%s%s%05d Freiburg im Breisgau' % (n(1, 90), pick(['a', 'b', '']),
                                                                 sep, n(79000, 79199)),
                 'An der Alster %d%s20099 Hamburg' % (n(1, 90), sep)])


def a_fr(sep):
    return pick(['Appartement %d, %de étage, %d avenue Foch%s75116 Paris' % (
        n(1, 40), n(1, 8), n(1, 90), sep),
        'BP %d%s13%03d Marseille Cedex %d' % (n(1, 999), sep, n(0, 99), n(1, 16)),
        '%d quai d\'Orsay%s75007 Paris' % (n(1, 130), sep),
        '%d, place Bellecour%s69002 Lyon' % (n(1, 40), sep)])


def a_es(sep):
    return pick(['Calle de Serrano, %d, %d.º izda.%s28001 Madrid' % (n(1, 200), n(1, 9), sep),
                 'Apartado de Correos %d%s08080 Barcelona' % (n(1, 9999), sep),
                 'Plaça de Catalunya, %d%s08002 Barcelona' % (n(1, 30), sep),
                 'Avda. Diagonal %d, %dª planta%s08017 Barcelona' % (n(1, 700), n(1, 12), sep)])


def a_it(sep):
    return pick(['Via dei Condotti %d, int. %d%s00187 Roma RM' % (n(1, 90), n(1, 20), sep),
                 'Casella Postale %d%s20100 Milano' % (n(1, 999), sep),
                 'C.so Buenos Aires %d%s20124 Milano MI' % (n(1, 90), sep),
                 'Piazzale Loreto %d%s20131 Milano' % (n(1, 20), sep)])


def a_nl(sep):
    return pick(['Postbus %d%s%04d %s Amsterdam' % (n(1, 99999), sep, n(1000, 1109), up2()),
                 'Damrak %d%s1012 LG Amsterdam' % (n(1, 99), sep),
                 'Stationsplein %d-%s%s3511 ED Utrecht' % (n(1, 80), pick(['I', 'II', 'III']),
                                                           sep)])


def a_pl(sep):
    return pick(['al. Jerozolimskie %d/%d lok. %d%s00-%03d Warszawa' % (n(1, 200), n(1, 99),
                                                                        n(1, 40), sep,
                                                                        n(100, 999)),
                 'os. Tysiąclecia %d/%d%s40-%03d Katowice' % (n(1, 80), n(1, 60), sep,
                                                               n(100, 999)),
                 'skr. poczt. %d%s30-%03d Kraków' % (n(1, 999), sep, n(0, 999))])


def a_in(sep):
    return pick(['Plot No. %d, Sector %d%sGurugram, Haryana 1220%02d' % (n(1, 900), n(1, 110),
                                                                         sep, n(1, 99)),
                 'H.No. %d-%d-%d, Ameerpet%sHyderabad 5000%02d' % (n(1, 12), n(1, 9),
                                                                   n(100, 999), sep, n(1, 99)),
                 '%d/%d Gandhi Nagar, Near Bus Stand%sMadurai 6250%02d' % (n(1, 90), n(1, 9),
                                                                           sep, n(1, 99)),
                 'Flat %d, Sai Residency, Nagar Road%sWagholi, Pune 4122%02d' % (
                     n(101, 1204), sep, n(1, 99))])


def a_vn(sep):
    return pick(['Tầng %d, Tòa nhà %s, %d %s, Quận 1, TP. Hồ Chí Minh' % (
        n(2, 60), pick(['Bitexco', 'Sailing Tower', 'Vincom']), n(1, 200),
        pick(['Hải Triều', 'Pasteur', 'Lê Thánh Tôn'])),
        '%d/%d Nguyễn Thị Minh Khai, P. %d, Q. 3, TP.HCM' % (n(1, 400), n(1, 40), n(1, 14)),
        'Số %d đường Trần Hưng Đạo, phường Phan Chu Trinh, quận Hoàn Kiếm, Hà Nội' % n(1, 200)])


LATIN = {'at': a_at, 'ch': a_ch, 'be': a_be, 'pt': a_pt, 'nordic': a_nordic, 'sg': a_sg,
         'ph': a_ph, 'id': a_id, 'th': a_th, 'latam': a_latam, 'ua': a_ua, 'us': a_us,
         'ca': a_ca, 'au': a_au, 'uk': a_uk, 'de': a_de, 'fr': a_fr, 'es': a_es, 'it': a_it,
         'nl': a_nl, 'pl': a_pl, 'in': a_in, 'vn': a_vn}


def a_zh():
    return pick(['广东省广州市天河区体育西路%d号%s座%d室' % (n(1, 300), pick('ABC'), n(101, 3208)),
                 '上海市静安区南京西路%d号' % n(1, 2000),
                 '浙江省杭州市余杭区文一西路%d号' % n(1, 1200),
                 '北京市海淀区中关村大街%d号%d室' % (n(1, 60), n(101, 1808)),
                 '江苏省苏州市工业园区星湖街%d号' % n(1, 500),
                 '台北市大安區忠孝東路四段%d巷%d弄%d號%d樓' % (n(1, 300), n(1, 30), n(1, 90),
                                                             n(2, 20)),
                 '香港九龍尖沙咀彌敦道%d號' % n(1, 400),
                 '四川省成都市锦江区春熙路%d号%d楼' % (n(1, 100), n(2, 30))])


def a_ja():
    return pick(['〒%03d-%04d 東京都千代田区丸の内%d丁目%d-%d %sビル%d階' % (
        n(100, 199), n(0, 9999), n(1, 3), n(1, 12), n(1, 20), pick(['新丸の内', 'グラン']),
        n(2, 40)),
        '大阪府大阪市中央区難波%d丁目%d番%d号' % (n(1, 5), n(1, 20), n(1, 60)),
        '愛知県名古屋市中村区名駅%d-%d-%d' % (n(1, 5), n(1, 20), n(1, 30)),
        '福岡県福岡市博多区博多駅前%d丁目%d番地' % (n(1, 4), n(1, 30))])


def a_ko():
    return pick(['서울특별시 중구 세종대로 %d' % n(1, 200),
                 '경기도 성남시 분당구 불정로 %d, %d층' % (n(1, 90), n(2, 20)),
                 '부산광역시 해운대구 센텀중앙로 %d, %d동 %d호' % (n(1, 99), n(101, 120),
                                                         n(101, 2005)),
                 '서울특별시 강남구 역삼동 %d-%d' % (n(100, 900), n(1, 60))])


def address(cc='any', sep=', '):
    cc = pick(sorted(LATIN)) if cc == 'any' else cc
    if cc == 'zh':
        return a_zh()
    if cc == 'ja':
        return a_ja()
    if cc == 'ko':
        return a_ko()
    return LATIN[cc](sep)


# ---- birth dates -----------------------------------------------------------------
MONTHS = {
    'nl': 'januari februari maart april mei juni juli augustus september oktober november '
          'december',
    'da': 'januar februar marts april maj juni juli august september oktober november december',
    'sv': 'januari februari mars april maj juni juli augusti september oktober november december',
    'pt': 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro '
          'dezembro',
    'it': 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre '
          'dicembre',
    'ca': 'gener febrer març abril maig juny juliol agost setembre octubre novembre desembre',
    'de': 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember',
    'fr': 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'es': 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre '
          'diciembre',
    'id': 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November '
          'Desember',
    'el': 'Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου '
          'Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου',
    'uk': 'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада '
          'грудня',
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}
ERAS = [('昭和', 1925), ('平成', 1988)]


def dob(fmt='any', years=(1936, 2010)):
    y, m, d = n(*years), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    fmt = pick(['dmy2', 'dmon', 'ymd_slash', 'en_ord', 'mdy_abbr', 'iso', 'dot']) \
        if fmt == 'any' else fmt
    if fmt in MONTHS:
        mon = MONTHS[fmt][m - 1]
        if fmt in ('pt', 'es', 'ca'):
            return '%d de %s de %d' % (d, mon, y)
        if fmt in ('de', 'da'):
            return '%d. %s %d' % (d, mon, y)
        return '%d %s %d' % (d, mon, y)
    if fmt == 'era':
        era, base = pick(ERAS)
        y = n(base + 1, base + 30)
        return '%s%d年%d月%d日' % (era, y - base, m, d)
    return {'dmy2': '%02d/%02d/%02d' % (d, m, y % 100),
            'dmon': '%02d-%s-%d' % (d, en[:3], y),
            'dmon_up': '%02d %s %d' % (d, en[:3].upper(), y),
            'ymd_slash': '%d/%d/%d' % (y, m, d),
            'en_ord': 'the %d%s of %s, %d' % (d, 'th' if 4 <= d <= 20 else
                                              {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th'),
                                              en, y),
            'mdy_abbr': '%s. %d, %d' % (en[:3], d, y),
            'iso': '%04d-%02d-%02d' % (y, m, d), 'dot': '%02d.%02d.%04d' % (d, m, y),
            'cjk': '%d年%d月%d日' % (y, m, d), 'ko': '%d년 %d월 %d일' % (y, m, d),
            'kdot': '%d.%02d.%02d' % (y, m, d), 'mdy': '%02d/%02d/%04d' % (m, d, y)}[fmt]


def odate():
    """A date that is no birth: recent or future."""
    y, m, d = n(2015, 2028), n(1, 12), n(1, 28)
    return pick(['%02d.%02d.%04d' % (d, m, y), '%04d-%02d-%02d' % (y, m, d),
                 '%d %s %d' % (d, w.MONTHS_EN[m - 1], y), '%02d/%02d/%04d' % (d, m, y),
                 '%d年%d月%d日' % (y, m, d)])


TYPED = dict(w.TYPED)
TYPED.update({
    'address': ('street_address', 'STREET_ADDRESS', lambda cc='any': address(cc)),
    'block': ('street_address', 'STREET_ADDRESS', lambda cc='any': address(cc, '\n')),
    'dob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': dob(fmt)),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'odate': odate,
    'time': lambda: '%02d:%02d' % (n(6, 22), pick([0, 15, 30, 45])),
    'firm_street': lambda: pick(['Abbey Road Studios', 'Park Avenue Dental', 'Bond Street Capital',
                                 'Fifth Avenue Shoes', 'Harley Street Clinic',
                                 'Rue de la Paix Joaillerie', 'Via Veneto Bistro',
                                 'Sunset Boulevard Records', 'Broadway Bakery',
                                 'Carnaby Street Vintage']),
    'product': lambda: pick(['Street Triple 765 RS', 'Street Fighter 6', 'Avenue 5 Season 2',
                             'Galaxy S23 Ultra', 'Canon EOS 5D Mark IV', 'Boulevard 2000 lamp',
                             'Route 66 Edition 2', 'Highway 61 Revisited', 'Plaza 300 sofa',
                             'Crescent 12 chair']),
    'concept': lambda: pick(['Wall Street', 'Main Street', 'Downing Street', 'Fleet Street',
                             'Madison Avenue', 'Silicon Valley', 'Sesame Street']),
    'road': lambda: pick(['Exit %d onto Route %d' % (n(1, 90), n(1, 99)),
                          'the A%d towards junction %d' % (n(1, 99), n(1, 30)),
                          'Highway %d for %d miles' % (n(1, 99), n(2, 40)),
                          'the B%d past the %dnd roundabout' % (n(1000, 9999), n(2, 2))]),
    'model': lambda: pick(['RX-%d' % n(100, 999), 'Model %d%s' % (n(1, 9), pick('SXY')),
                           'XPS %d %d' % (n(13, 17), n(9300, 9799)),
                           'ThinkPad T%d Gen %d' % (n(14, 16), n(1, 5))]),
    'metro_zh': lambda: pick(['%d号线' % n(1, 20), '%d号口' % n(1, 12), '%d号楼' % n(1, 30)]),
})

TEMPLATES = [
    # letters and envelopes: a letterhead block, a recipient block
    "<<person>>\n<<block>>\n\n<<odate>>\n\nDear <<person>>,\nplease find enclosed the signed "
    "lease.",
    "Sehr geehrte Damen und Herren,\nbitte senden Sie die Unterlagen an:\n<<person>>\n"
    "<<block.de>>\nMit freundlichen Grüßen",
    "Madame, Monsieur,\nmerci d'envoyer le colis à <<person>>, <<address.fr>>.",
    "Please return the form to:\nc/o <<person>>\n<<block>>",
    "Ship to: <<person>>\n<<block.us>>\nPhone: <<phone.us>>",
    # forms: the address on its own labelled line
    "Name: <<person>>\nStreet address: <<address.uk>>\nDate of birth: <<dob.dmon>>",
    "Anschrift: <<address.at>>\nGeburtsdatum: <<dob.dot>>",
    "Adresse : <<address.ch>>\nDate de naissance : <<dob.fr>>",
    "Dirección: <<address.es>>\nFecha de nacimiento: <<dob.es>>",
    "Indirizzo: <<address.it>> — Data di nascita: <<dob.it>>",
    "Morada: <<address.pt>>; data de nascimento: <<dob.pt>>",
    "Adres: <<address.nl>>\nGeboortedatum: <<dob.nl>>",
    "Adres zamieszkania: <<address.pl>>, data urodzenia: <<dob.dot>>",
    "Adresse: <<address.nordic>>\nFødselsdato: <<dob.da>>",
    "Address: <<address.sg>>\nDOB: <<dob.dmon_up>>",
    "Alamat: <<address.id>>\nTanggal lahir: <<dob.id>>",
    "Адреса: <<address.ua>>\nДата народження: <<dob.uk>>",
    "地址：<<address.zh>>\n出生日期：<<dob.cjk>>",
    "住所：<<address.ja>>\n生年月日：<<dob.era>>",
    "주소: <<address.ko>>\n생년월일: <<dob.kdot>>",
    "Địa chỉ: <<address.vn>>",
    "name,street,dob\n\"<<person>>\",\"<<address>>\",<<dob.iso>>",
    "{\"customer\": {\"name\": \"<<person>>\", \"address\": \"<<address>>\", \"dob\": "
    "\"<<dob.iso>>\"}}",
    # prose
    "Hi, I'm <<person>>, b. <<dob.dmy2>>; I moved to <<address>> last spring.",
    "We stayed at <<address.th>> near the night market.",
    "Our new office is at <<address.ph>>; parking is behind the building.",
    "The courier left the parcel at <<address.in>> with the neighbour.",
    "Meet me at <<address.latam>> at <<time>>.",
    "Mail the cheque to <<address.ca>> before the deadline.",
    "She rents a room at <<address.au>> and works nights.",
    "Can you translate this: \"Ik woon op <<address.be>>.\"",
    "He was born on <<dob.en_ord>> in a small village.",
    "Patient born <<dob.mdy_abbr>>, referred for follow-up.",
    "Geboren am <<dob.de>> in Graz, wohnhaft <<address.at>>.",
    "Née le <<dob.fr>> à Lyon, domiciliée <<address.fr>>.",
    "Nacido el <<dob.es>> en Sevilla.",
    "Nata il <<dob.it>> a Bari, residente in <<address.it>>.",
    "Geboren op <<dob.nl>> te Utrecht.",
    "Född <<dob.sv>> i Uppsala.",
    "Nascut el <<dob.ca>> a Girona.",
    "Ημερομηνία γέννησης: <<dob.el>>",
    "他出生于<<dob.cjk>>，现住<<address.zh>>。",
    "私は<<dob.cjk>>生まれです。",
    "저는 <<dob.ko>>에 태어났습니다.",
    "Saya lahir pada <<dob.id>> di Bandung.",
    "D.O.B <<dob.dmy2>> | MRN <<qty>> | <<person>>",
    "Applicant DOB: <<dob.ymd_slash>>; passport issued <<odate>>.",
]
LOOKALIKES = [
    "I just toured <<firm_street>> — what a place!",
    "<<firm_street>> raised prices by <<price>> this year.",
    "My son wants <<product>> for his birthday.",
    "The <<product>> costs <<price>> at the outlet.",
    "Analysts on <<concept>> expect rates to fall; <<concept>> shops feel it first.",
    "Take <<road>>, then turn right at the second light.",
    "Trains to Leeds leave from Platform <<qty>> at <<time>>; Gate <<qty>> for Terminal 5.",
    "She played Bach's Suite No. 3 in D major, BWV 1068, at <<time>>.",
    "Firmware <<version>> for the <<model>> fixes the Street View crash.",
    "Order <<order>>: 2 x Avenue lamp, 1 x Boulevard rug, total <<price>>.",
    "坐地铁<<metro_zh>>到人民广场站，然后步行五分钟。",
    "지하철 2호선 강남역 <<qty>>번 출구에서 만나요.",
    "3番線の電車は<<time>>に出発します。",
    "Date of issue: <<odate>>\nDate of expiry: <<odate>>\nPlace of birth: Vienna",
    "Ausstellungsdatum: <<odate>>, gültig bis <<odate>>.",
    "Date d'expiration : <<odate>>. Rendez-vous le <<odate>> à <<time>>.",
    "Fecha de emisión: <<odate>>; fecha de caducidad: <<odate>>.",
    "发证日期：<<odate>>，有效期至<<odate>>。",
    "Founded on <<odate>>, the company now employs 400 people.",
    "Date of death: <<odate>>. Funeral on <<odate>>.",
    "Birthday party on <<odate>> at <<time>> — bring a cake!",
    "Born on date: <<odate>> (printed on every can).",
    "Birth certificate issued on <<odate>> by the registry office.",
    "Log: <<ts>> user=admin action=update status=200",
    "Appointment confirmed: <<odate>> at <<time>>, Room <<qty>>.",
    "The 4th Street Festival returns on <<odate>> with <<qty>> food stalls.",
]


# ---- set b: written after the rules for set a, scored once on first contact ------
def b_latin(sep):
    return pick([
        '2/1, %d Byres Road%sGlasgow G11 5R%s' % (n(1, 300), sep, pick('ABDEFGHJ')),
        'Rothschild Blvd %d%sTel Aviv-Yafo 66%05d' % (n(1, 140), sep, n(0, 99999)),
        'Room %d, Building %d, No. %d Century Avenue%sPudong, Shanghai 2001%02d' % (
            n(101, 2808), n(1, 9), n(1, 999), sep, n(0, 99)),
        'Karl-Liebknecht-Str. %d%s%s10178 Berlin' % (n(1, 40), pick(['a', 'b', '']), sep),
        'Résidence Les Tilleuls, Bât. %s, %d rue Jean Jaurès%s69100 Villeurbanne' % (
            pick('ABC'), n(1, 90), sep),
        'Via Garibaldi, %d/%s%s10122 Torino (TO)' % (n(1, 90), pick('ABC'), sep),
        'C/ de Balmes, %d, %dº %dª%s08008 Barcelona' % (n(1, 400), n(1, 8), n(1, 4), sep),
        'SQS %d Bloco %s Apto %d, Asa Sul%sBrasília - DF, 70%03d-%03d' % (
            n(102, 316), pick('ABCDEFGHIJK'), n(101, 606), sep, n(0, 999), n(0, 999)),
        'Av. Chapultepec %d, piso %d, Col. Roma Norte%sCDMX %05d' % (n(1, 600), n(1, 12), sep,
                                                                    n(1000, 16999)),
        'Av. Santa Fe %d %d° %s%sC1059ABP CABA' % (n(100, 4000), n(1, 15), pick('ABCD'), sep),
        'Jr. de la Unión %d%sCercado de Lima 15001' % (n(100, 999), sep),
        'Atatürk Mah. Cumhuriyet Cad. No: %d Daire: %d%s34%03d Fatih/İstanbul' % (
            n(1, 200), n(1, 30), sep, n(0, 999)),
        'Flat No. %d%s, Shanti Apartments, 14th Cross Road, Malleshwaram%sBengaluru - 5600%02d' % (
            n(1, 12), pick('ABCD'), sep, n(1, 99)),
        'House No. %d, Street %d, F-7/3%sIslamabad' % (n(1, 99), n(1, 60), sep),
        'House %d, Road %d, Dhanmondi%sDhaka 12%02d' % (n(1, 99), n(1, 32), sep, n(0, 99)),
        '%d%s Admiralty Way, Lekki Phase 1%sLagos' % (n(1, 99), pick(['', 'B', 'A']), sep),
        'Unit %d, Sunset Villas, %d Beach Road, Sea Point%sCape Town, 8005' % (n(1, 40),
                                                                             n(1, 200), sep),
        '%d/%d Smith Street%sFitzroy VIC 3065' % (n(1, 20), n(1, 200), sep),
        'Flat %d, %d Queen Street, Auckland Central%sAuckland 1010' % (n(1, 20), n(1, 400), sep),
        'Apt. %d%s, %d E %dnd St%sNew York, NY 100%02d' % (n(1, 20), pick('ABCD'), n(100, 400),
                                                          pick([22, 32, 42, 52]), sep, n(1, 99)),
        '%d Fifth Avenue, %dth Floor%sNew York, NY 10118' % (n(100, 900), n(4, 60), sep),
        '%d Main St Unit %d%sToronto ON M5V 2T%d' % (n(1, 999), n(1, 30), sep, n(1, 9)),
        '%d boul. Robert-Bourassa, bureau %d%sMontréal QC H3B 2X%d' % (n(100, 2000),
                                                                       n(100, 900), sep,
                                                                       n(1, 9)),
        'Flat %s, %d/F, Block %d, Kornhill%sQuarry Bay, Hong Kong' % (pick('ABCDEFGH'), n(2, 40),
                                                                    n(1, 9), sep),
        'Số %d, ngõ %d, phố Hàng Bài, P. Tràng Tiền%sQ. Hoàn Kiếm, Hà Nội' % (n(1, 90),
                                                                            n(1, 60), sep),
        'P.O. Box %d-00100%sNairobi' % (n(10000, 99999), sep),
        'пр. Абая %d, кв. %d%sАлматы 0500%02d' % (n(1, 200), n(1, 300), sep, n(0, 99)),
    ])


def b_cjk():
    return pick(['河南省周口市鹿邑县涡北镇王庄村%d号' % n(1, 200),
                 '广州市天河区珠江新城华夏路%d号%d楼' % (n(1, 50), n(2, 60)),
                 '北海道札幌市中央区北%d条西%d丁目%d番地' % (n(1, 20), n(1, 20), n(1, 30)),
                 '경기도 수원시 팔달구 효원로 %d번길 %d' % (n(100, 400), n(1, 90)),
                 '東京都新宿区西新宿%d-%d-%d 新宿ビル%d階' % (n(1, 8), n(1, 20), n(1, 30), n(2, 50)),
                 '臺中市西屯區台灣大道三段%d號%d樓' % (n(1, 999), n(2, 40))])


def b_dob(fmt='any'):
    y, m, d = n(1930, 2012), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    fmt = pick(['dmy', 'compact', 'ymon', 'ord', 'cz', 'hu', 'fi']) if fmt == 'any' else fmt
    return {'dmy': '%02d/%02d/%04d' % (d, m, y),
            'compact': '%02d%s%04d' % (d, en[:3].upper(), y),
            'ymon': '%d %s %d' % (y, en[:3].upper(), d),
            'ord': '%d%s %s %d' % (d, 'th' if 4 <= d <= 20 else
                                   {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th'), en, y),
            'cz': '%d. %d. %d' % (d, m, y), 'hu': '%d.%02d.%02d.' % (y, m, d),
            'fi': '%d.%d.%d' % (d, m, y), 'iso': '%04d-%02d-%02d' % (y, m, d),
            'slash': '%d/%d/%d' % (y, m, d), 'cjk': '%d年%d月%d日' % (y, m, d),
            'ko': '%d년 %d월 %d일' % (y, m, d), 'dot': '%02d.%02d.%04d' % (d, m, y)}[fmt]


TYPED.update({
    'baddr': ('street_address', 'STREET_ADDRESS', lambda _=None: b_latin(', ')),
    'bblock': ('street_address', 'STREET_ADDRESS', lambda _=None: b_latin('\n')),
    'bcjk': ('street_address', 'STREET_ADDRESS', lambda _=None: b_cjk()),
    'bdob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': b_dob(fmt)),
})
LOOK.update({
    'bevent': lambda: pick(['Oxford Street sale', 'Route 66 Diner', 'Studio 54 revival',
                            'Pier 39 sea lions', 'Terminal 2E lounge', 'Avenue Q musical',
                            'Abbey Road album', 'Electric Avenue remix', 'Penny Lane single',
                            'Bond Street station', 'District 9 sequel', 'Sector 7G badge']),
    'bthing': lambda: pick(['Level %d boss' % n(2, 9), 'Block %d of the exam' % n(1, 9),
                            'Lot %d at the auction' % n(10, 99), 'Unit %d of the course' % n(1, 12),
                            'Box %d of %d' % (n(1, 4), n(5, 9)), 'Room %d' % n(100, 450),
                            'Floor %d meeting' % n(2, 30), 'Vol. %d No. %d' % (n(1, 40), n(1, 12)),
                            'Suite No. %d in D' % n(1, 6), 'Exit %d%s' % (n(1, 99), pick('AB'))]),
    'bsku': lambda: pick(['STREET-%d' % n(100, 999), 'Boulevard v%d.%d.%d' % (n(1, 4), n(0, 9),
                                                                            n(0, 9)),
                          'AVE-%d-%s' % (n(10, 99), pick(['BLK', 'RED'])), 'Model Plaza %dX' % n(2, 9)]),
})

TEMPLATES_B = [
    "Bill to:\n<<person>>\n<<bblock>>\n\nShip to:\n<<person>>\n<<bblock>>\n\nInvoice <<invoice>>",
    "pls deliver to <<baddr>> after 6pm thx",
    "Lieferadresse: <<baddr>>\nRechnungsanschrift: <<baddr>>",
    "Bezorgadres: <<baddr>>",
    "Adres dostawy: <<baddr>>; ur. <<bdob.dot>>",
    "| Name | Address | DOB |\n|---|---|---|\n| <<person>> | <<baddr>> | <<bdob.iso>> |",
    "customer:\n  name: <<person>>\n  address: \"<<baddr>>\"\n  birth_date: <<bdob.iso>>",
    "<customer><name><<person>></name><address><<baddr>></address></customer>",
    "Attn: <<person>>\n<<bblock>>",
    "Kind regards,\n<<person>>\nHead of Sales\n<<bblock>>\nT <<phone>>",
    "收件人：<<han>>，收件地址：<<bcjk>>",
    "送付先：<<bcjk>>",
    "배송지: <<bcjk>>",
    "The tenant at <<baddr>> reported a leak on <<odate>>.",
    "Can you check if <<baddr>> is inside the delivery zone?",
    "DOB (dd/mm/yyyy): <<bdob.dmy>>",
    "DOB <<bdob.compact>>  SEX F  NAT IRL",
    "Date of Birth <<bdob.ymon>>",
    "d.o.b. <<bdob.ord>>",
    "Spisová značka 12/2024, nar. <<bdob.cz>>, trvale bytem Praha.",
    "Név: <<person>>, szül.: <<bdob.hu>>",
    "<<person>> (s. <<bdob.fi>>) muutti Tampereelle.",
    "<<person>>, f. <<bdob.iso>>, bor i Malmö.",
    "Geb.-Datum: <<bdob.dot>>",
    "Data de Nasc.: <<bdob.dmy>>",
    "Date de naiss. : <<bdob.dmy>>",
    "生日：<<bdob.cjk>>",
    "出生年月日：<<bdob.slash>>",
    "생일: <<bdob.ko>>",
    "Age 34 (born <<bdob.iso>>), non-smoker.",
]
LOOKALIKES_B = [
    "We queued for the <<bevent>> on <<odate>>.",
    "Beat <<bthing>> before <<time>>!",
    "Please go to <<bthing>> for the briefing.",
    "Ordered <<bsku>> and <<bsku>> for <<price>>.",
    "Take I-95 South to Exit 12B, then Route 1 for 3 miles.",
    "Pennsylvania Avenue announced new tariffs; Wall Street shrugged.",
    "Member since <<odate>>; last login <<ts>>.",
    "Best before <<odate>>. Mfg. date <<odate>>.",
    "Birthday sale ends <<odate>> — 20% off everything!",
    "Valid from <<odate>> until <<odate>>.",
    "Date of marriage: <<odate>>",
    "The band was born in 1985 in a garage in Leeds.",
    "Delivery date: <<odate>>, slot <<time>>.",
]



# ---- set c: written in session 7 after the rules for a and b, scored once -------
def c_ja(roman=False):
    if roman:
        return pick(['%d-%d-%d Oshiage, Sumida-ku, Tokyo %03d-%04d' % (n(1, 3), n(1, 20), n(1, 30),
                                                                   n(130, 131), n(0, 9999)),
                     'Shibuya Scramble Square %dF, 2-24-12 Shibuya, Shibuya-ku, Tokyo 150-6115'
                     % n(2, 45),
                     '%d-%d-%d Umeda, Kita-ku, Osaka %03d-%04d' % (n(1, 3), n(1, 9), n(1, 40),
                                                                  530, n(0, 9999)),
                     'Room %d, %d-%d Tenjin %d-chome, Chuo-ku, Fukuoka 810-0001' % (
                         n(101, 1208), n(1, 20), n(1, 9), n(1, 5))])
    return pick(['京都府京都市下京区烏丸通七条下ル東塩小路町%d' % n(1, 900),
                 '神奈川県横浜市西区みなとみらい%d-%d-%d クイーンズタワーA %d階' % (
                     n(1, 6), n(1, 9), n(1, 9), n(2, 30)),
                 '沖縄県那覇市久茂地%d丁目%d番%d号' % (n(1, 3), n(1, 20), n(1, 30)),
                 '〒%03d-%04d 宮城県仙台市青葉区一番町%d-%d-%d' % (n(980, 989), n(0, 9999), n(1, 4),
                                                            n(1, 20), n(1, 30))])


def c_ko(roman=False):
    if roman:
        return pick(['%d Sajik-ro, Jongno-gu, Seoul %05d' % (n(1, 200), n(3000, 3199)),
                     'Apt %d, Bldg %d, %d Dalgubeol-daero, Suseong-gu, Daegu' % (
                         n(101, 2505), n(101, 120), n(1000, 2999)),
                     '%d Teheran-ro %d-gil, Gangnam-gu, Seoul %05d' % (n(1, 90), n(1, 40),
                                                                      n(6000, 6299))])
    return pick(['서울특별시 종로구 사직로 %d' % n(1, 200),
                 '대구광역시 수성구 달구벌대로 %d, %d동 %d호' % (n(1000, 2999), n(101, 120),
                                                      n(101, 2505)),
                 '제주특별자치도 제주시 첨단로 %d' % n(1, 300),
                 '인천광역시 연수구 송도동 %d-%d' % (n(1, 200), n(1, 20))])


def c_zh(roman=False):
    if roman:
        return pick(['No. %d Luoyu Road, Hongshan District, Wuhan, Hubei 430074' % n(1, 1500),
                     'Room %d, Tower %d, %d Nanjing Road, Heping District, Tianjin' % (
                         n(101, 3208), n(1, 3), n(1, 400)),
                     '%d Gaoxin South %dth Road, Nanshan District, Shenzhen 518057' % (
                         n(1, 60), n(4, 9))])
    return pick(['湖北省武汉市洪山区珞喻路%d号' % n(1, 1500),
                 '重庆市渝中区解放碑步行街%d号' % n(1, 200),
                 '深圳市南山区科技园南区高新南七道%d号' % n(1, 60),
                 '天津市和平区南京路%d号津汇广场%d座%d室' % (n(1, 400), n(1, 3), n(101, 3208))])


def c_latin(cc):
    f = {
        'in': lambda: pick([
            'Flat %d, Sunrise Towers, Opp. City Mall, Link Road, Andheri West, Mumbai 4000%02d'
            % (n(101, 1204), n(1, 99)),
            '%d, %dnd Main, Behind Ganesh Temple, Jayanagar 4th Block, Bengaluru 5600%02d' % (
                n(1, 200), 2, n(1, 99)),
            'Door No. %d-%d, Near Railway Station, Vijayawada, Andhra Pradesh 5200%02d' % (
                n(1, 40), n(1, 99), n(1, 99)),
            'C-%d, Ground Floor, Lajpat Nagar II, Beside Central Market, New Delhi 1100%02d'
            % (n(1, 300), n(1, 99))]),
        'br': lambda: pick([
            'Rua Oscar Freire, %d - apto %d, Jardins, São Paulo - SP, 01426-%03d' % (
                n(1, 2000), n(11, 204), n(0, 999)),
            'Av. Atlântica, %d, Copacabana, Rio de Janeiro - RJ, 22021-%03d' % (n(1, 4000),
                                                                                n(0, 999)),
            'SHIN QI %d Conjunto %d Casa %d, Lago Norte, Brasília - DF, 71505-%03d' % (
                n(1, 15), n(1, 9), n(1, 30), n(0, 999))]),
        'mx': lambda: pick([
            'Av. Paseo de la Reforma %d, Piso %d, Col. Juárez, 06600 Ciudad de México, CDMX'
            % (n(1, 500), n(2, 40)),
            'Calle Morelos %d Int. %d, Centro, 44100 Guadalajara, Jal.' % (n(1, 400), n(1, 20)),
            'Apartado Postal %d-%d, 64000 Monterrey, N.L.' % (n(1, 99), n(1, 999))]),
        'es': lambda: pick([
            'C/ Mayor, %d, %dº Dcha., 28013 Madrid' % (n(1, 90), n(1, 8)),
            'Paseo de Gracia %d, ático %dª, 08008 Barcelona' % (n(1, 130), n(1, 3)),
            'Avenida de la Constitución %d, Esc. B, %dº C, 41004 Sevilla' % (n(1, 60),
                                                                             n(1, 9))]),
        'it': lambda: pick([
            'Via Toledo %d, scala B, interno %d, 80134 Napoli NA' % (n(1, 400), n(1, 30)),
            'Corso Vittorio Emanuele II %d, 10123 Torino' % n(1, 200),
            'Piazza San Marco %d, 30124 Venezia VE' % n(1, 100),
            'Fraz. Pieve %d, 52010 Poppi AR' % n(1, 60)]),
        'nl': lambda: pick([
            'Keizersgracht %d-III, 1015 CJ Amsterdam' % n(1, 800),
            'Coolsingel %d A, 3011 AD Rotterdam' % n(1, 120),
            'Antwoordnummer %d, 2500 VB Den Haag' % n(1000, 99999)]),
        'pl': lambda: pick([
            'ul. Piotrkowska %d m. %d, 90-%03d Łódź' % (n(1, 300), n(1, 60), n(0, 999)),
            'pl. Defilad %d, 00-901 Warszawa' % n(1, 9),
            'ul. Długa %d/%d, 80-827 Gdańsk' % (n(1, 90), n(1, 20))]),
        'se': lambda: pick([
            'Storgatan %d A, %d tr, 114 %02d Stockholm' % (n(1, 90), n(1, 6), n(10, 99)),
            'Box %d, 103 %02d Stockholm' % (n(100, 9999), n(10, 99)),
            'Sveavägen %d lgh %d, 111 %02d Stockholm' % (n(1, 160), n(1001, 1605), n(10, 99))]),
        'au': lambda: pick([
            'Unit %d/%d Beach Road, Bondi NSW 2026' % (n(1, 20), n(1, 120)),
            'Locked Bag %d, Manly NSW 1655' % n(1, 9000),
            '%d Collins Street, Melbourne VIC 3000' % n(1, 600),
            'RMB %d Bulla Road, Tullamarine VIC 3043' % n(1000, 9999)]),
        'ca': lambda: pick([
            '%d-%d Rideau St, Ottawa ON K1N 5W%d' % (n(1, 40), n(1, 600), n(1, 9)),
            'RR %d, Site %d, Comp %d, Cochrane AB T4C 1A%d' % (n(1, 9), n(1, 30), n(1, 60),
                                                              n(1, 9)),
            'Suite %d, %d King St W, Toronto ON M5X 1A%d' % (n(100, 5000), n(1, 200), n(1, 9)),
            'General Delivery, Iqaluit NU X0A 0H0']),
        'ie': lambda: pick([
            'Apartment %d, The Maltings, Bishop Street, Dublin 8, D08 X2K%d' % (n(1, 80),
                                                                                n(1, 9)),
            'Knockbrack, Ballinamore, Co. Leitrim, N41 E6P%d' % n(1, 9),
            '%d Main Street, Kinsale, Co. Cork, P17 WK%02d' % (n(1, 90), n(10, 99))]),
        'za': lambda: pick([
            '%d Long Street, Cape Town City Centre, Cape Town, 8001' % n(1, 300),
            'PostNet Suite %d, Private Bag X%d, Melville, 2109' % (n(1, 400), n(1, 99)),
            'Erf %d, Zone %d, Ga-Rankuwa, 0208' % (n(100, 9999), n(1, 9))]),
        'bldg': lambda: pick([
            'One Canada Square, Canary Wharf, London E14 5AB',
            'Two International Finance Centre, 8 Finance Street, Central, Hong Kong',
            'One Financial Center, Boston, MA 02111',
            'Empire State Building, %d Fifth Avenue, New York, NY 10118' % 350,
            'Three Bentall Centre, %d Burrard Street, Vancouver BC V7X 1B%d' % (595, n(1, 9))]),
        'rural': lambda: pick([
            'RR %d Box %d, Marion, KY 42064' % (n(1, 9), n(1, 400)),
            'Rural Route %d, Hanover ON N4N 3B%d' % (n(1, 9), n(1, 9)),
            '%d County Road %d, Wellington, CO 80549' % (n(1000, 9999), n(1, 90)),
            'PO Box %d, Gaborone' % n(100, 9999),
            'Private Bag %d, Windhoek' % n(10000, 13999)]),
        'unit1': lambda: pick([
            'Apt %d%s, %d West %dnd Street, New York, NY 100%02d' % (n(1, 30), pick('ABCD'),
                                                                   n(100, 500), 42, n(1, 99)),
            '%d/%d Ocean Parade, Coolangatta QLD 4225' % (n(1, 30), n(1, 200)),
            'Ste %d - %d Granville Street, Vancouver BC V6C 1T%d' % (n(100, 900),
                                                                   n(100, 999), n(1, 9))]),
    }
    return f[cc]()


C_LATIN = ['in', 'br', 'mx', 'es', 'it', 'nl', 'pl', 'se', 'au', 'ca', 'ie', 'za', 'bldg',
           'rural', 'unit1']


def c_addr(cc='any'):
    cc = pick(C_LATIN + ['ja', 'jar', 'ko', 'kor', 'zh', 'zhr']) if cc == 'any' else cc
    if cc[:2] in ('ja', 'ko', 'zh'):
        return {'ja': c_ja, 'ko': c_ko, 'zh': c_zh}[cc[:2]](cc.endswith('r'))
    return c_latin(cc)


def c_envelope(cc='any'):
    """An international envelope: unit and street lines, town line, country line."""
    return pick([
        'Flat %d\n%d Harcourt Street\nDublin 2\nD02 R%03d\nIRELAND' % (n(1, 20), n(1, 90),
                                                                      n(100, 999)),
        'Unit %d\n%d George Street\nSydney NSW 2000\nAUSTRALIA' % (n(1, 40), n(1, 600)),
        'Via della Spiga %d\n20121 Milano MI\nITALY' % n(1, 60),
        'Rua das Flores, %d, 2º andar\n4050-%03d Porto\nPORTUGAL' % (n(1, 200), n(0, 999)),
        '%d-%d-%d Minami-Aoyama\nMinato-ku, Tokyo 107-0062\nJAPAN' % (n(1, 7), n(1, 20),
                                                                     n(1, 30)),
        'Ul. Marszałkowska %d lok. %d\n00-%03d Warszawa\nPOLAND' % (n(1, 150), n(1, 60),
                                                                  n(0, 999)),
        'Herengracht %d\n1017 BZ Amsterdam\nTHE NETHERLANDS' % n(1, 600),
        '%d Jan Smuts Avenue\nRosebank\nJohannesburg 2196\nSOUTH AFRICA' % n(1, 400)])


def c_dob(fmt='any'):
    y, m, d = n(1935, 2011), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    if fmt in MONTHS:
        mon = MONTHS[fmt][m - 1]
        if fmt in ('pt', 'es'):
            return '%d de %s de %d' % (d, mon, y)
        return '%d %s %d' % (d, mon, y)
    pl = ('stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października '
          'listopada grudnia').split()
    ord_ = 'th' if 4 <= d <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')
    zh_dig = '〇一二三四五六七八九'
    zh_num = lambda k: ('十' + (zh_dig[k % 10] if k % 10 else '')) if 10 <= k < 20 else \
        (zh_dig[k // 10] + '十' + (zh_dig[k % 10] if k % 10 else '')) if k >= 20 else zh_dig[k]
    era = 'S%d.%d.%d' % (y - 1925, m, d) if 1926 <= y <= 1988 else 'H%d.%d.%d' % (y - 1988, m, d)
    return {'pl': '%d %s %d' % (d, pl[m - 1], y),
            'dmy': '%02d/%02d/%04d' % (d, m, y), 'dmy_dash': '%02d-%02d-%04d' % (d, m, y),
            'dmy2': '%d/%d/%02d' % (d, m, y % 100), 'dot': '%02d.%02d.%04d' % (d, m, y),
            'iso': '%04d-%02d-%02d' % (y, m, d), 'ord_en': '%d%s %s %d' % (d, ord_, en, y),
            'us_ord': '%s %d%s, %d' % (en, d, ord_, y), 'cjk': '%d年%d月%d日' % (y, m, d),
            'zh_num': '%s年%s月%s日' % (''.join(zh_dig[int(c)] for c in str(y)), zh_num(m),
                                      zh_num(d)),
            'ko2': '%02d년 %d월 %d일' % (y % 100, m, d), 'ko': '%d년 %d월 %d일' % (y, m, d),
            'jera': era, 'ymd_dot': '%d.%02d.%02d' % (y, m, d)}[fmt]


TYPED.update({
    'caddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': c_addr(cc)),
    'cenv': ('street_address', 'STREET_ADDRESS', lambda cc='any': c_envelope(cc)),
    'cdob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='dmy': c_dob(fmt)),
})
LOOK.update({
    'cgame': lambda: pick(['Version 2 Street Fighter', 'Street Fighter 2 Turbo',
                           'Route 66 Edition', 'Platform 9¾', 'Highway 1 Road Trip DLC',
                           'Avenue 5 box set', 'Terrace House season 3', 'Studio 5 tour',
                           'Apollo 11 documentary', 'Area 51 raid']),
    'croad': lambda: pick(['Route 66', 'Route %d' % n(1, 99), 'Platform %d' % n(1, 16),
                           'Gate B%d' % n(1, 40), 'Highway %d' % n(1, 99), 'Exit %d' % n(1, 60),
                           'Pier %d' % n(1, 45), 'Terminal %d' % n(1, 5),
                           'Building %d' % n(1, 40), 'Chapter %d' % n(7, 13)]),
    'cnever': lambda: pick(['%d号线' % n(1, 16), '%d番出口' % n(1, 12), '%d번 출구' % n(1, 12),
                            'B%d出口' % n(1, 9)]),
    'cyear': lambda: str(n(1950, 2024)),
})

TEMPLATES_C = [
    # running text of each language
    "Unsere Filiale in Italien: <<caddr.it>>, geöffnet ab 9 Uhr.",
    "La empresa tiene su sede en <<caddr.es>> desde <<cyear>>.",
    "Nuestra oficina está en <<caddr.mx>>, a dos cuadras del metro.",
    "Moramos na <<caddr.br>> há três anos.",
    "Ci trovi in <<caddr.it>> dal lunedì al venerdì.",
    "Ik woon sinds kort op <<caddr.nl>>.",
    "Mieszkam przy <<caddr.pl>> od <<cyear>> roku.",
    "Jag har flyttat till <<caddr.se>>.",
    "We've just moved to <<caddr.au>> — come round for a barbie!",
    "Send the forms to <<caddr.ca>> before Friday, eh?",
    "The solicitor's office is at <<caddr.ie>>.",
    "Drop the parcel at <<caddr.za>> please, gate code 4411.",
    "Our house is <<caddr.in>>. Call when you reach.",
    "<<caddr.ja>>に引っ越しました。",
    "<<caddr.ko>>로 이사했어요.",
    "我们公司搬到了<<caddr.zh>>，欢迎来玩。",
    "My Tokyo address is <<caddr.jar>>, near the station.",
    "Please ship to <<caddr.kor>> (Korea).",
    "Factory address: <<caddr.zhr>>",
    "Correspondence: <<caddr.rural>>",
    "Meet us at <<caddr.bldg>>, 12th floor reception.",
    "New address from Monday: <<caddr.unit1>>",
    # press releases: a company's head office is still an address
    "SYDNEY, <<odate>> /PRNewswire/ -- Northwind Holdings Ltd, headquartered at <<caddr.au>>, "
    "today announced a new CEO.",
    "About Ferrovia S.p.A.: founded in <<cyear>>, the company is based at <<caddr.it>> and "
    "employs 900 people.",
    "TORONTO, <<odate>> -- Maple Robotics Inc. (TSX: MPR) will open its new head office at "
    "<<caddr.ca>> in the spring.",
    # envelopes and blocks
    "<<person>>\n<<cenv>>",
    "To:\n<<person>>\n<<cenv>>\n\nFrom:\n<<person>>\n<<cenv>>",
    "ATTN <<person.upper>>\n<<cenv>>",
    # birth dates in those languages, with their own cues and date orders
    "生年月日：<<cdob.jera>>（<<person>>）",
    "<<cdob.cjk>>生まれ、東京都出身。",
    "생년월일: <<cdob.ko2>>",
    "저는 <<cdob.ko>>생입니다.",
    "出生日期：<<cdob.zh_num>>",
    "他生于<<cdob.cjk>>，籍贯湖北。",
    "Data de nascimento: <<cdob.dmy>>",
    "Nasci em <<cdob.pt>>, em Belo Horizonte.",
    "F. Nac.: <<cdob.dmy_dash>>",
    "Nací el <<cdob.es>> en Monterrey.",
    "Fecha de nac. <<cdob.dmy>> — CURP en trámite",
    "<<person>>, nato a Roma il <<cdob.dmy>>, residente in <<caddr.it>>.",
    "Data di nascita: <<cdob.dot>>",
    "Geboortedatum <<cdob.dmy_dash>> te Haarlem",
    "<<person>>, geb. <<cdob.dmy_dash>>",
    "Urodzony <<cdob.pl>> w Krakowie.",
    "Data ur.: <<cdob.dot>>",
    "Född: <<cdob.iso>>",
    "Födelsedatum: <<cdob.sv>>",
    "DOB: <<cdob.dmy>> (DD/MM/YYYY)",
    "I was born on the <<cdob.ord_en>> in Galway.",
    "Birthdate: <<cdob.us_ord>>",
    "born in Durban on <<cdob.ord_en>>, matriculated <<cyear>>",
    "Date of Birth: <<cdob.ord_en>>",
    "जन्म तिथि: <<cdob.dmy>>",
    "D.O.B.: <<cdob.dmy_dash>> | Aadhaar on file",
    "Né le <<cdob.fr>> à Québec.",
    "Date of birth / Date de naissance: <<cdob.ymd_dot>>",
]
LOOKALIKES_C = [
    "Just finished <<cgame>> — ten out of ten.",
    "Get kicks on <<croad>>, then turn left after <<croad>>.",
    "Boarding from <<croad>> at <<time>>; the train for Hogwarts leaves from Platform 9¾.",
    "坐<<cnever>>到国贸站。",
    "강남역 <<cnever>>에서 만나요.",
    "渋谷駅<<cnever>>で待ち合わせ。",
    "Fecha de caducidad: <<odate>>; fecha de emisión: <<odate>>.",
    "Data di scadenza <<odate>>, rilasciata il <<odate>>.",
    "入社日：<<odate>>、有効期限：<<odate>>",
    "만료일: <<odate>>, 발급일: <<odate>>",
    "Established <<odate>>, the brewery was born out of a garage.",
    "Release date: <<odate>>. Born Digital edition, Vol. <<qty>>.",
    "Our anniversary is <<odate>> — 10 years at Studio <<qty>>!",
    "Data de validade: <<odate>>. Válido até <<odate>>.",
    "Geldig tot <<odate>>; afgegeven op <<odate>>.",
    "Gültig bis <<odate>> — Termin am <<odate>> um <<time>>.",
]



# ---- set d: written after the rules for c, scored once on first contact ---------
def d_addr(cc='any'):
    f = {
        'cz': lambda: pick(['Na Příkopě %d, 110 00 Praha 1' % n(1, 60),
                            'Vinohradská %d/%d, 120 00 Praha 2' % (n(1, 2000), n(1, 200)),
                            'Masarykova %d, 602 00 Brno' % n(1, 90)]),
        'ro': lambda: pick(['Str. Lipscani nr. %d, sector 3, București 030%03d' % (n(1, 90),
                                                                                  n(0, 999)),
                            'Bd. Eroilor nr. %d, bl. A%d, sc. %d, ap. %d, Cluj-Napoca' % (
                                n(1, 40), n(1, 9), n(1, 4), n(1, 80))]),
        'gr': lambda: pick(['Ερμού %d, 105 63 Αθήνα' % n(1, 150),
                            'Λεωφόρος Συγγρού %d, 117 45 Αθήνα' % n(1, 400)]),
        'ru': lambda: pick(['ул. Тверская, д. %d, кв. %d, Москва, 125009' % (n(1, 30),
                                                                            n(1, 300)),
                            'Невский пр., д. %d, Санкт-Петербург, 191025' % n(1, 180)]),
        'fi': lambda: pick(['Mannerheimintie %d B %d, 00100 Helsinki' % (n(1, 90), n(1, 60)),
                            'Hämeenkatu %d A %d, 33100 Tampere' % (n(1, 40), n(1, 30))]),
        'my': lambda: pick(['No. %d, Jalan SS 2/%d, 47300 Petaling Jaya, Selangor' % (
            n(1, 90), n(1, 99)),
            'Lot %d, Jalan Ampang, 50450 Kuala Lumpur' % n(1, 300)]),
        'ph': lambda: 'Lot %d Blk %d, Phase 2, Brgy. San Isidro, Antipolo City 1870' % (
            n(1, 40), n(1, 60)),
        'tw': lambda: 'No. %d, Sec. %d, Xinyi Rd., Xinyi Dist., Taipei City 110' % (n(1, 200),
                                                                                 n(1, 5)),
        'hk': lambda: 'Flat %d%s, Tower %d, Laguna City, 8 Cha Kwo Ling Road, Kwun Tong, Kowloon' % (
            n(1, 40), pick('ABCDEFGH'), n(1, 30)),
        'tr': lambda: 'Bağdat Cad. No:%d D:%d Kadıköy/İstanbul' % (n(1, 400), n(1, 20)),
        'sa': lambda: '%d King Fahd Rd, Al Olaya, Riyadh 12%03d' % (n(1000, 9999), n(0, 999)),
        'ng': lambda: 'Plot %d Adeola Odeku Street, Victoria Island, Lagos' % n(100, 2000),
        'nz': lambda: 'Level %d, %d Customhouse Quay, Wellington 6011' % (n(2, 20), n(1, 200)),
        'cl': lambda: 'Av. Apoquindo %d, of. %d, Las Condes, Santiago' % (n(2000, 7000),
                                                                         n(101, 2201)),
        'us': lambda: pick(['%d 1/2 Main St, Apt %d, Springfield, IL 62704' % (n(10, 900),
                                                                              n(1, 9)),
                            '%d Amphitheatre Pkwy, Mountain View, CA 94043' % n(1000, 2000),
                            '%d N. %s Ave., Ste. %d, Phoenix, AZ 850%02d' % (
                                n(100, 9999), pick(['Central', '7th', 'Scottsdale']),
                                n(100, 999), n(1, 99))]),
        'uk': lambda: pick(['Rose Cottage, Mill Lane, Little Snoring, Fakenham NR21 0%s' % up2(),
                            'The Old Forge, Church Street, Ledbury HR8 1%s' % up2()]),
        'caq': lambda: '%d, rue Principale, Saint-Sauveur (Québec) J0R 1R%d' % (n(1, 900),
                                                                               n(0, 9)),
        'th': lambda: '%d/%d ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110' % (n(1, 200),
                                                                                    n(1, 99)),
        'il': lambda: 'רחוב הרצל %d, תל אביב' % n(1, 150),
        'eg': lambda: 'شارع التحرير %d، القاهرة' % n(1, 90),
    }
    cc = pick(sorted(f)) if cc == 'any' else cc
    return f[cc]()


def d_label():
    """An all-caps shipping label block."""
    return pick(['%d MAIN ST APT %d\nSPRINGFIELD IL 62704-%04d' % (n(100, 999), n(1, 40),
                                                                 n(0, 9999)),
                 '%d W %dTH ST # %d\nNEW YORK NY 10036' % (n(100, 600), n(40, 59), n(1, 30)),
                 'PO BOX %d\nANCHORAGE AK 995%02d' % (n(100, 99999), n(1, 99))])


def d_dob(fmt='any'):
    y, m, d = n(1933, 2010), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    ru = ('января февраля марта апреля мая июня июля августа сентября октября ноября '
          'декабря').split()
    hu = ('január február március április május június július augusztus szeptember október '
          'november december').split()
    ro = ('ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie '
          'noiembrie decembrie').split()
    ar = '٠١٢٣٤٥٦٧٨٩'
    return {'cz': '%d. %d. %d' % (d, m, y), 'ro': '%d %s %d' % (d, ro[m - 1], y),
            'ru': '%d %s %d г.' % (d, ru[m - 1], y), 'hu': '%d. %s %d.' % (y, hu[m - 1], d),
            'th': '%d/%d/%d' % (d, m, y + 543), 'ar': '/'.join(''.join(ar[int(ch)] for ch in x)
                                                            for x in ('%02d' % d, '%02d' % m,
                                                                      str(y))),
            'us2': '%d/%d/%02d' % (m, d, y % 100), 'mdy': '%02d/%02d/%04d' % (m, d, y),
            'isot': '%04d-%02d-%02dT00:00:00Z' % (y, m, d), 'dot': '%02d.%02d.%04d' % (d, m, y),
            'en': '%s %d, %d' % (en, d, y), 'dmy': '%02d/%02d/%04d' % (d, m, y),
            'iso': '%04d-%02d-%02d' % (y, m, d)}[fmt]


TYPED.update({
    'daddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': d_addr(cc)),
    'dlabel': ('street_address', 'STREET_ADDRESS', lambda _=None: d_label()),
    'ddob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='dmy': d_dob(fmt)),
})
LOOK.update({
    'dthing': lambda: pick(['Suite %d in G minor' % n(1, 16), 'Unit %d test' % n(1, 12),
                            'Station %d' % n(1, 20), 'Sector %d' % n(1, 9), 'Cloud %d' % 9,
                            'Area %d' % 51, 'Floor %d sale' % n(1, 9),
                            'Apartment %d of the series' % n(1, 9), 'Block %d' % n(1, 9)]),
    'dbrand': lambda: pick(['Rue 21', 'Boulevard Brewing Co.', 'Avenue Q', 'Park Place Hotel',
                            'Harbour Street Kitchen', 'Main Street Market']),
})

TEMPLATES_D = [
    "Bydlím na adrese <<daddr.cz>>.",
    "Adresa mea este <<daddr.ro>>.",
    "Η διεύθυνσή μου είναι <<daddr.gr>>.",
    "Мой адрес: <<daddr.ru>>",
    "Asun osoitteessa <<daddr.fi>>.",
    "Alamat saya <<daddr.my>>, dekat stesen LRT.",
    "Please deliver to <<daddr.ph>> po.",
    "Office: <<daddr.tw>>",
    "We live at <<daddr.hk>>.",
    "Adres: <<daddr.tr>>",
    "Our Riyadh office: <<daddr.sa>>",
    "The event holds at <<daddr.ng>> by 10am.",
    "Find us at <<daddr.nz>>.",
    "Oficina: <<daddr.cl>>",
    "Mail it to <<daddr.us>>, thanks!",
    "Holiday let: <<daddr.uk>>",
    "Adresse : <<daddr.caq>>",
    "ที่อยู่: <<daddr.th>>",
    "כתובת: <<daddr.il>>",
    "العنوان: <<daddr.eg>>",
    "SHIP TO:\n<<person.upper>>\n<<dlabel>>",
    "[maps] <<daddr>> | open 9-5",
    "> moving next week, new place is <<daddr>>\n> lmk if u want to visit",
    "Street: <<daddr.us>>",
    "PRESS RELEASE — Contoso Ltd., <<daddr.nz>>, today reported record revenue.",
    # birth dates
    "Datum narození: <<ddob.cz>>",
    "Născut la <<ddob.ro>> în Cluj.",
    "Дата рождения: <<ddob.ru>>",
    "Родился <<ddob.ru>> в Казани.",
    "Született: <<ddob.hu>>",
    "วันเกิด: <<ddob.th>>",
    "تاريخ الميلاد: <<ddob.ar>>",
    "Tarikh lahir: <<ddob.dmy>>",
    "Ipinanganak noong <<ddob.en>> sa Cebu.",
    "Alizaliwa tarehe <<ddob.dmy>> huko Mombasa.",
    "Syntynyt <<ddob.dot>> Oulussa.",
    "DOB 3/12/85".replace('3/12/85', '<<ddob.us2>>'),
    "Birthdate (MM/DD/YYYY): <<ddob.mdy>>",
    "{\"dateOfBirth\": \"<<ddob.isot>>\", \"country\": \"NZ\"}",
    "תאריך לידה: <<ddob.dmy>>",
    "Patient: <<person>>, DOB <<ddob.iso>>, MRN <<qty>>",
    "My mother was born on <<ddob.en>>.",
]
LOOKALIKES_D = [
    "She played <<dthing>> at the recital.",
    "We met at <<dbrand>> on <<odate>>.",
    "Take the train to <<dthing>> and change for Route <<qty>>.",
    "Born in 1985, he moved to Lagos in 2001.",
    "DOB unknown; expiry 12/28.",
    "Anniversary: <<odate>>. Member since <<odate>>.",
    "Invoice date: <<odate>>; due <<odate>>.",
    "Date of death: <<odate>>.",
    "Tarikh luput: <<odate>>",
    "Срок действия: <<odate>>",
    "Dated <<odate>>, signed in Athens.",
    "Version <<version>> ships on <<odate>> to Unit 9 customers.",
]



# ---- set e: written after the rules for d, scored once on first contact ---------
def e_addr(cc='any'):
    f = {
        'is': lambda: 'Laugavegur %d, 101 Reykjavík' % n(1, 180),
        'ee': lambda: 'Narva mnt %d-%d, 10117 Tallinn' % (n(1, 90), n(1, 60)),
        'lv': lambda: 'Brīvības iela %d-%d, Rīga, LV-10%02d' % (n(1, 200), n(1, 40), n(1, 99)),
        'lt': lambda: 'Gedimino pr. %d, LT-01103 Vilnius' % n(1, 60),
        'hr': lambda: 'Ilica %d, 10000 Zagreb' % n(1, 300),
        'rs': lambda: 'Кнеза Милоша %d, 11000 Београд' % n(1, 90),
        'bg': lambda: 'бул. Витоша %d, ет. %d, 1000 София' % (n(1, 150), n(1, 9)),
        'ge': lambda: 'რუსთაველის გამზირი %d, თბილისი' % n(1, 60),
        'lk': lambda: 'No. %d, Galle Road, Colombo 0%d' % (n(1, 400), n(1, 9)),
        'eg': lambda: '%d Tahrir Square, Downtown, Cairo 11511' % n(1, 40),
        'ma': lambda: '%d, Rue Mohammed V, Casablanca 20000' % n(1, 200),
        'gh': lambda: 'Plot %d, Ring Road East, Osu, Accra' % n(1, 90),
        'uy': lambda: 'Av. 18 de Julio %d, apto. %d, 11100 Montevideo' % (n(800, 2000),
                                                                        n(101, 1204)),
        'pr': lambda: '%d Calle Flor, Urb. Las Gladiolas, San Juan PR 00926' % n(1, 300),
        'jm': lambda: '%d Hope Road, Kingston %d' % (n(1, 90), n(2, 10)),
        'nzr': lambda: '%d Main Road, RD %d, Hamilton 32%02d' % (n(100, 2999), n(1, 9), n(0, 99)),
        'jpb': lambda: 'Roppongi Hills Mori Tower %dF, 6-10-1 Roppongi, Minato-ku, Tokyo 106-6108'
        % n(2, 50),
        'cnb': lambda: 'Room %d, Building B, Wangjing SOHO, Chaoyang District, Beijing 100102'
        % n(101, 2808),
        'usb': lambda: '%d Market St, Suite %d-B, San Francisco, CA 941%02d' % (
            n(100, 999), n(100, 900), n(0, 99)),
    }
    cc = pick(sorted(f)) if cc == 'any' else cc
    return f[cc]()


def e_dob(fmt='dot'):
    y, m, d = n(1931, 2009), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    fa = '۰۱۲۳۴۵۶۷۸۹'
    ord_ = 'th' if 4 <= d <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')
    return {'dot': '%02d.%02d.%04d' % (d, m, y), 'dotd': '%d. %d. %d.' % (d, m, y),
            'iso': '%04d-%02d-%02d' % (y, m, d), 'dmy': '%02d/%02d/%04d' % (d, m, y),
            'fa': '/'.join(''.join(fa[int(ch)] for ch in x) for x in (str(y), '%02d' % m,
                                                                      '%02d' % d)),
            'is': '%d. %s %d' % (d, ['janúar', 'febrúar', 'mars', 'apríl', 'maí', 'júní', 'júlí',
                                     'ágúst', 'september', 'október', 'nóvember',
                                     'desember'][m - 1], y),
            'en3': 'the %d%s of %s %d' % (d, ord_, en, y),
            'mon': '%s %d%s %d' % (en[:3], d, ord_, y)}[fmt]


TYPED.update({
    'eaddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': e_addr(cc)),
    'edob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='dot': e_dob(fmt)),
})
LOOK.update({
    'ething': lambda: pick(['Route %d to Galle' % n(1, 9), 'Gate %d at Terminal %d' % (n(1, 40),
                                                                                       n(1, 5)),
                            'Sec. %d of the contract' % n(1, 20), 'No. %d in the charts' % n(1, 40),
                            'Box %d of %d' % (n(1, 3), n(4, 9)), 'Plot %d twist' % n(2, 5),
                            'Tower %d on the map' % n(1, 9), 'Room %d' % n(100, 999)]),
})

TEMPLATES_E = [
    "Heimilisfang: <<eaddr.is>>",
    "Aadress: <<eaddr.ee>>",
    "Adrese: <<eaddr.lv>>",
    "Adresas: <<eaddr.lt>>",
    "Adresa: <<eaddr.hr>>",
    "Адреса: <<eaddr.rs>>",
    "Адрес: <<eaddr.bg>>",
    "მისამართი: <<eaddr.ge>>",
    "Our Colombo office is at <<eaddr.lk>>.",
    "Meet at <<eaddr.eg>> at noon.",
    "Adresse : <<eaddr.ma>>",
    "Deliver to <<eaddr.gh>> tomorrow.",
    "Dirección: <<eaddr.uy>>",
    "Send it to <<eaddr.pr>>.",
    "The clinic is at <<eaddr.jm>>.",
    "Farm gate: <<eaddr.nzr>>",
    "Tokyo HQ — <<eaddr.jpb>>",
    "Office: <<eaddr.cnb>>",
    "Acme Ltd | <<eaddr.usb>> | <<phone.us>>",
    "im at <<eaddr.lower>> come now",
    "<<person>>\n<<eaddr>>",
    # birth dates
    "Fædd <<edob.is>> í Reykjavík.",
    "Sünniaeg: <<edob.dot>>",
    "Dzimšanas datums: <<edob.dot>>",
    "Gimimo data: <<edob.iso>>",
    "Datum rođenja: <<edob.dotd>>",
    "Датум рођења: <<edob.dotd>>",
    "Дата на раждане: <<edob.dot>>",
    "დაბადების თარიღი: <<edob.dot>>",
    "تاریخ تولد: <<edob.fa>>",
    "تاریخ پیدائش: <<edob.dmy>>",
    "জন্ম তারিখ: <<edob.dmy>>",
    "பிறந்த தேதி: <<edob.dmy>>",
    "Born: <<edob.mon>>",
    "My birthday is on <<edob.en3>>.",
    "DOB (YYYY-MM-DD): <<edob.iso>>",
]
LOOKALIKES_E = [
    "Take <<ething>> and follow the signs.",
    "We discussed <<ething>> at length.",
    "Date of issue: <<odate>>; valid until <<odate>>.",
    "Datum isteka: <<odate>>",
    "Дата выдачи: <<odate>>",
    "Väljaandmise kuupäev: <<odate>>",
    "Birthday cake order for <<odate>>, pickup at <<time>>.",
    "Founded <<odate>> in Tallinn.",
]



# ---- set f: written in session 8 after the rules for e, scored once on first contact ----
FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹'


def fa_num(x):
    return ''.join(FA_DIGITS[int(ch)] for ch in str(x))


def f_addr(cc='any'):
    f = {
        # native scripts
        'hy': lambda: pick(['Մաշտոցի պողոտա %d, բն. %d, Երևան 00%02d' % (n(1, 60), n(1, 90),
                                                                         n(1, 99)),
                            'Աբովյան փողոց %d, Երևան 0001' % n(1, 40)]),
        'el': lambda: pick(['Λεωφ. Κηφισίας %d, 151 25 Μαρούσι' % n(1, 300),
                            'Τ.Θ. %d, 101 10 Αθήνα' % n(100, 9999)]),
        'he': lambda: pick(["רח' הרצל %d, דירה %d, חיפה 33%05d" % (n(1, 120), n(1, 30),
                                                                  n(0, 99999)),
                            'ת.ד. %d, ירושלים 91%05d' % (n(100, 9999), n(0, 99999))]),
        'jo': lambda: pick(['شارع الملكة رانيا %d، الطابق %d، عمّان 11941' % (n(1, 300), n(1, 9)),
                            'ص.ب. %d، دبي' % n(1000, 99999)]),
        'ir': lambda: 'تهران، خیابان ولیعصر، کوچه %s، پلاک %s، واحد %s' % (
            fa_num(n(1, 40)), fa_num(n(1, 200)), fa_num(n(1, 20))),
        'hi': lambda: 'मकान नं. %d, गली नं. %d, लाजपत नगर, नई दिल्ली 1100%02d' % (
            n(1, 400), n(1, 20), n(10, 99)),
        'th': lambda: '%d/%d อาคารสาทรซิตี้ ชั้น %d ถนนสาทรใต้ แขวงทุ่งมหาเมฆ เขตสาทร กรุงเทพฯ 10120' % (
            n(1, 200), n(1, 50), n(2, 30)),
        'ko': lambda: pick(['서울특별시 마포구 월드컵북로 %d, %d층 %d호' % (n(1, 400), n(2, 20),
                                                                  n(101, 1999)),
                            '부산광역시 해운대구 센텀중앙로 %d (우동)' % n(1, 200)]),
        'ka': lambda: pick(['ჭავჭავაძის გამზ. %d, ბ. %d, თბილისი 0179' % (n(1, 90), n(1, 60)),
                            'აღმაშენებლის ქ. %d, თბილისი 0112' % n(1, 200)]),
        'mk': lambda: 'бул. Партизански одреди бр. %d, 1000 Скопје' % n(1, 150),
        'mn': lambda: 'Энхтайвны өргөн чөлөө %d, Сүхбаатар дүүрэг, Улаанбаатар 14200' % n(1, 90),
        'ru': lambda: 'а/я %d, Москва 101000' % n(1, 999),
        # Europe
        'sk': lambda: 'Obchodná %d, 811 06 Bratislava' % n(1, 80),
        'si': lambda: 'Slovenska cesta %d, 1000 Ljubljana' % n(1, 90),
        'hu': lambda: 'Váci utca %d. II. em. %d., 1052 Budapest' % (n(1, 90), n(1, 12)),
        'al': lambda: 'Rruga e Kavajës, Nr. %d, Tiranë 1001' % n(1, 200),
        'az': lambda: 'Nizami küçəsi %d, mənzil %d, Bakı AZ1000' % (n(1, 150), n(1, 90)),
        'uz': lambda: "Amir Temur ko'chasi %d, Toshkent 100000" % n(1, 120),
        'md': lambda: 'str. Ștefan cel Mare %d, ap. %d, MD-2001 Chișinău' % (n(1, 200), n(1, 80)),
        'lu': lambda: '%d, rue de la Gare, L-1611 Luxembourg' % n(1, 90),
        'mt': lambda: '%d, Triq il-Kbira, Mosta MST %d' % (n(1, 200), n(1000, 9999)),
        # Latin America
        'ar': lambda: 'Av. Corrientes %d, piso %d, depto. B, C1043AAZ CABA' % (n(100, 6000),
                                                                             n(1, 20)),
        've': lambda: 'Av. Francisco de Miranda, Edif. Parque Cristal, Piso %d, Ofic. %d-%d, '
        'Caracas 1060' % (n(1, 15), n(1, 15), n(1, 9)),
        'ec': lambda: 'Av. Amazonas N%d-%02d y Av. Patria, Quito 170143' % (n(20, 40), n(1, 99)),
        'gt': lambda: '%da Avenida %d-%02d, Zona %d, Ciudad de Guatemala' % (n(1, 9), n(1, 20),
                                                                            n(1, 99), n(1, 16)),
        'do': lambda: 'Calle El Conde No. %d, Zona Colonial, Santo Domingo 10210' % n(1, 300),
        'cu': lambda: 'Calle 23 No. %d e/ L y M, Vedado, La Habana' % n(100, 999),
        'cl': lambda: 'Casilla %d, Correo Central, Santiago' % n(10, 9999),
        # Africa
        'tz': lambda: 'Plot %d, Samora Avenue, S.L.P. %d, Dar es Salaam' % (n(1, 300),
                                                                          n(100, 9999)),
        'sn': lambda: 'Villa %d, Sacré-Cœur 3, BP %d, Dakar' % (n(1, 9999), n(100, 9999)),
        'rw': lambda: 'KG %d Ave, No. %d, Kigali' % (n(1, 700), n(1, 90)),
        'et': lambda: 'Bole Road, House No. %d, Addis Ababa' % n(1, 999),
        'za': lambda: pick(['Posbus %d, Stellenbosch 7599' % n(1, 9999),
                            'Kerkstraat %d, Stellenbosch 7600' % n(1, 200)]),
        'tn': lambda: '%d Avenue Habib Bourguiba, 1000 Tunis' % n(1, 200),
        'ug': lambda: 'Plot %d, Kampala Road, P.O. Box %d, Kampala' % (n(1, 90), n(100, 9999)),
        'mz': lambda: 'Av. Julius Nyerere, n.º %d, Maputo' % n(1, 3000),
        'ao': lambda: 'Rua Rainha Ginga, n.º %d, %d.º andar, Luanda' % (n(1, 300), n(1, 20)),
        # South and South-East Asia, the Gulf
        'kh': lambda: 'No. %d, Street %d, Sangkat Boeung Keng Kang 1, Khan Chamkarmon, '
        'Phnom Penh 12302' % (n(1, 200), n(100, 500)),
        'mm': lambda: 'No. %d, Bogyoke Aung San Road, Pabedan Township, Yangon 11143' % n(1, 400),
        'la': lambda: 'House %d, Unit %d, Ban Phonxay, Saysettha District, Vientiane' % (
            n(1, 200), n(1, 30)),
        'bn': lambda: 'No. %d, Simpang %d, Jalan Gadong, Bandar Seri Begawan BE%d' % (
            n(1, 90), n(1, 99), n(1000, 4999)),
        'pk': lambda: 'House No. %d, Street %d, F-7/2, Islamabad 44000' % (n(1, 90), n(1, 60)),
        'np': lambda: 'Thamel Marg %d, Ward No. %d, Kathmandu 44600' % (n(1, 300), n(1, 32)),
        'qa': lambda: 'Building %d, Street %d, Zone %d, Doha' % (n(1, 200), n(100, 999),
                                                                n(1, 99)),
        'id': lambda: 'Kotak Pos %d, Jakarta 10000' % n(1, 9999),
    }
    cc = pick(sorted(f)) if cc == 'any' else cc
    return f[cc]()


def f_block():
    """An address on its lines, as on an envelope."""
    cc = pick(['sk', 'si', 'al', 'az', 'md', 'lu', 'mt', 'ar', 'do', 'tz', 'ug', 'kh', 'mm',
               'pk', 'tn', 'za', 'hy', 'mk', 'jo', 'he'])
    return f_addr(cc).replace('، ', '\n').replace(', ', '\n')


TYPED.update({
    'faddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': f_addr(cc)),
    'fblock': ('street_address', 'STREET_ADDRESS', lambda _=None: f_block()),
})
LOOK.update({
    'fdir': lambda: pick(['Turn left on Main Street, then right at the second light.',
                          'Take the second exit onto Rue de Rivoli and keep going for 2 km.',
                          'Go 200 m down Nevsky Prospekt and turn at the 3rd crossing.',
                          'Head north on Avenida Paulista for 3 blocks.',
                          'Follow Ring Road East past exit 12 to the airport.',
                          'Biegen Sie nach 300 m rechts in die Hauptstraße ab.',
                          'Sigue por la Calle Mayor 2 cuadras y gira a la izquierda.',
                          'Поверните налево на улицу Ленина через 500 м.']),
    'fplace': lambda: pick(['The protests on Wall Street lasted 3 weeks.',
                            'I grew up near Abbey Road and moved to Penny Lane in 1998.',
                            'Traffic on Oxford Street was terrible on 12 December.',
                            'La avenida 9 de Julio tiene 140 metros de ancho.',
                            'Die Königsallee ist 1 km lang und hat 2 Fahrspuren.',
                            'The Champs-Élysées parade drew 800,000 people.',
                            'شارع الحمرا مزدحم اليوم بعد الساعة 5',
                            'Broadway shows sold 12 million tickets in 2023.']),
    'fbiz': lambda: pick(['Baker Street Pharmacy is open 9 to 5.',
                          'Park Avenue Dental Group has 3 dentists and 12 reviews.',
                          'Order 2 pizzas from Fifth Avenue Pizza, table 14.',
                          'Main Street Bank reported 4% growth in Q3.',
                          'Calle 13 played 25 songs at the festival.',
                          'Rue 21 opened 40 new stores this year.',
                          'Harbour Road Capital raised 30 million in Series B.',
                          'Via Roma Trattoria: 4.5 stars from 212 reviews.']),
    'fwork': lambda: pick(['We watched 21 Jump Street and Miracle on 34th Street.',
                           'Tickets for 42nd Street at the Palace, row 12, seat 7.',
                           'Sesame Street season 54 starts on 3 May.',
                           'Avenida Brasil had 179 episodes.',
                           'Coronation Street episode 11042 airs at 19:30.',
                           'Boulevard of Broken Dreams was track 4 on the album.',
                           'Avenue Q runs 2 hours 20 minutes.',
                           'Studio 54 opened in 1977.']),
    'fprod': lambda: pick(['Order #4521: Street Runner 2 shoes, size 42, qty 3.',
                           'The Boulevard 3 sofa ships in 10 days.',
                           'Hot Wheels Street Wing 5-pack, item 88231.',
                           'Ford Ranger Street 2024, 12,000 km.',
                           'Strada 2 Pro bike, frame 54 cm.',
                           'Lot 42 of the auction: a Victorian street lamp.',
                           'Tower 3 crane rental, 12 weeks.',
                           'Plaza Suite 4 tickets, block 7.']),
    'froad': lambda: pick(['Bundesstraße 96 is closed between km 12 and 18.',
                           'Strada Statale 16 runs along the coast for 1,000 km.',
                           'Bus 42 to Avenue station, platform 3.',
                           'Floor 3 is closed; use Stairway 2.',
                           'Unit 12 tests passed in 4.2 s.',
                           'Sector 7 clearance required for Gate 12.',
                           'Room 404 not found at level 5.',
                           'Apartment 23 has 3 bedrooms and 2 baths.']),
})

TEMPLATES_F = [
    "Հասցե: <<faddr.hy>>",
    "Διεύθυνση: <<faddr.el>>",
    "כתובת: <<faddr.he>>",
    "العنوان: <<faddr.jo>>",
    "نشانی: <<faddr.ir>>",
    "पता: <<faddr.hi>>",
    "ที่อยู่: <<faddr.th>>",
    "주소: <<faddr.ko>>",
    "მისამართი: <<faddr.ka>>",
    "Адреса: <<faddr.mk>>",
    "Хаяг: <<faddr.mn>>",
    "Почтовый адрес: <<faddr.ru>>",
    "Adresa: <<faddr.sk>>",
    "Naslov: <<faddr.si>>",
    "Cím: <<faddr.hu>>",
    "Adresa: <<faddr.al>>",
    "Ünvan: <<faddr.az>>",
    "Manzil: <<faddr.uz>>",
    "Adresa: <<faddr.md>>",
    "Adresse: <<faddr.lu>>",
    "Indirizz: <<faddr.mt>>",
    "Enviar a <<faddr.ar>> antes del viernes.",
    "Oficina: <<faddr.ve>>",
    "Nuestra sede está en <<faddr.ec>>.",
    "Dirección de entrega: <<faddr.gt>>",
    "Llevar el paquete a <<faddr.do>>, por favor.",
    "Escríbanos a <<faddr.cu>>.",
    "Correspondencia: <<faddr.cl>>",
    "Anwani: <<faddr.tz>>",
    "Adresse postale : <<faddr.sn>>",
    "Our Kigali office: <<faddr.rw>>",
    "Deliver to <<faddr.et>> before noon.",
    "Adres: <<faddr.za>>",
    "Siège : <<faddr.tn>>",
    "Head office: <<faddr.ug>>",
    "Endereço: <<faddr.mz>>",
    "Morada: <<faddr.ao>>",
    "We moved to <<faddr.kh>> last month.",
    "Showroom — <<faddr.mm>>",
    "Please send the invoice to <<faddr.la>>.",
    "Alamat: <<faddr.bn>>",
    "Ship to: <<faddr.pk>> | Tel <<phone>>",
    "Our guesthouse is at <<faddr.np>>.",
    "Delivery location: <<faddr.qa>>",
    "Alamat surat: <<faddr.id>>",
    "{\"name\": \"<<person>>\", \"address\": \"<<faddr>>\"}",
    "<<person>>;<<faddr>>;<<phone>>",
    "<<person>>\n<<fblock>>",
    "To:\n<<person>>\n<<fblock>>\n\nRe: your order <<order>>",
    "-- \n<<person>> | <<faddr>>",
    "SHIP TO: <<faddr.upper>>",
    "My new address is <<faddr>>, see you there.",
]
LOOKALIKES_F = [
    "<<fdir>>",
    "<<fplace>>",
    "<<fbiz>>",
    "<<fwork>>",
    "<<fprod>>",
    "<<froad>>",
    "Directions: <<fdir>> Parking is free after <<time>>.",
    "Note from <<person>>: <<fbiz>>",
]



# ---- set g: written after the rules for f, scored once on first contact --------
BN_DIGITS = '০১২৩৪৫৬৭৮৯'


def bn_num(x):
    return ''.join(BN_DIGITS[int(ch)] for ch in str(x))


def g_addr(cc='any'):
    f = {
        # native scripts
        'by': lambda: 'вул. Леніна %d, кв. %d, 220030 Мінск' % (n(1, 90), n(1, 120)),
        'kg': lambda: 'ул. Чуй %d, офис %d, Бишкек 720040' % (n(1, 250), n(1, 40)),
        'et': lambda: 'አዲስ አበባ፣ ቦሌ ክፍለ ከተማ፣ ወረዳ %02d፣ የቤት ቁጥር %d' % (n(1, 14), n(1, 999)),
        'bd': lambda: 'বাড়ি নং %s, রোড নং %s, ধানমন্ডি, ঢাকা ১২০৫' % (bn_num(n(1, 99)),
                                                                bn_num(n(1, 30))),
        'ta': lambda: 'எண் %d, அண்ணா சாலை, சென்னை 6000%02d' % (n(1, 400), n(1, 99)),
        'ur': lambda: 'مکان نمبر %d، گلی نمبر %d، لاہور 54000' % (n(1, 300), n(1, 40)),
        'he': lambda: 'שדרות רוטשילד %d, תל אביב-יפו 66%05d' % (n(1, 140), n(0, 99999)),
        'sa': lambda: 'طريق الملك فهد %d، حي العليا، الرياض 12211' % n(1, 9000),
        'gr': lambda: 'Οδός Ερμού %d, 105 63 Αθήνα' % n(1, 130),
        # Europe
        'tr': lambda: 'Atatürk Mah. Cumhuriyet Cad. No:%d Daire:%d 34000 Fatih/İstanbul' % (
            n(1, 200), n(1, 30)),
        'pl': lambda: 'ul. Marszałkowska %d/%d lok. %d, 00-590 Warszawa' % (n(1, 150), n(1, 20),
                                                                         n(1, 40)),
        'cz': lambda: 'Vodičkova %d/%d, 110 00 Praha 1' % (n(100, 2000), n(1, 40)),
        'pt': lambda: 'Rua Augusta, %d, %d.º Esq., 1100-053 Lisboa' % (n(1, 300), n(1, 8)),
        'fo': lambda: 'Vágsbotnur %d, FO-100 Tórshavn' % n(1, 40),
        'li': lambda: 'Städtle %d, FL-9490 Vaduz' % n(1, 90),
        'mc': lambda: '%d Boulevard des Moulins, MC 98000 Monaco' % n(1, 60),
        'ad': lambda: 'Av. Meritxell %d, AD500 Andorra la Vella' % n(1, 140),
        'gi': lambda: '%d Main Street, Gibraltar GX11 1AA' % n(1, 300),
        'cy': lambda: '%d Heol y Frenhines, Caerdydd CF10 2BH' % n(1, 90),
        'eu': lambda: 'Kale Nagusia %d, 20003 Donostia' % n(1, 60),
        'ca': lambda: 'Carrer de Mallorca %d, %d%s, 08013 Barcelona' % (n(1, 600), n(1, 6),
                                                                       pick(['a', 'ª'])),
        'gl': lambda: 'Rúa do Franco %d, 15705 Santiago de Compostela' % n(1, 70),
        # the Americas
        'br': lambda: 'SQS %d Bloco %s Apto %d, Asa Sul, Brasília - DF, 70355-030' % (
            n(102, 316), pick('ABCDEFGHIJ'), n(101, 606)),
        'pe': lambda: 'Jr. de la Unión %d, Cercado de Lima 15001' % n(100, 1200),
        'bo': lambda: 'Calle Sagárnaga N° %d, La Paz' % n(1, 400),
        'py': lambda: 'Avda. Mcal. López %d c/ Brasil, Asunción' % n(100, 4000),
        'pa': lambda: 'Vía España, Edificio Torre Banco, Piso %d, Ciudad de Panamá' % n(1, 40),
        'hn': lambda: 'Colonia Palmira, Avenida República de Chile, casa %d, Tegucigalpa' % n(
            1, 900),
        'ht': lambda: '%d, Rue Capois, Port-au-Prince HT6110' % n(1, 150),
        'tt': lambda: '%d Frederick Street, Port of Spain' % n(1, 200),
        # Africa
        'zm': lambda: 'Plot %d, Cairo Road, Lusaka 10101' % n(100, 9999),
        'zw': lambda: '%d Samora Machel Ave, Harare' % n(1, 300),
        'cm': lambda: 'BP %d Yaoundé' % n(100, 9999),
        'mg': lambda: 'Lot II J %d, Antananarivo 101' % n(1, 300),
        'ml': lambda: 'Rue %d, Porte %d, Bamako' % (n(100, 600), n(1, 200)),
        'dz': lambda: '%d Rue Didouche Mourad, Alger 16000' % n(1, 200),
        # Asia and Oceania
        'sg': lambda: 'Blk %d Ang Mo Kio Ave 3, #%02d-%02d, Singapore 560%03d' % (
            n(100, 700), n(1, 20), n(1, 99), n(0, 999)),
        'mv': lambda: 'H. Blue Lagoon, Majeedhee Magu, Malé 20026',
        'pg': lambda: 'Section %d, Lot %d, Boroko, Port Moresby' % (n(1, 90), n(1, 40)),
        'fj': lambda: 'Lot %d Ratu Sukuna Road, Suva' % n(1, 90),
        'bt': lambda: 'Building %d, Norzin Lam, Thimphu 11001' % n(1, 60),
        'kz': lambda: 'пр. Абая %d, кв. %d, Алматы 050000' % (n(1, 200), n(1, 150)),
    }
    cc = pick(sorted(f)) if cc == 'any' else cc
    return f[cc]()


def g_block():
    cc = pick(['by', 'kg', 'pl', 'cz', 'pt', 'fo', 'li', 'ad', 'gi', 'cy', 'eu', 'ca', 'gl',
               'pe', 'ht', 'zm', 'dz', 'sg', 'bt', 'kz', 'ur', 'sa'])
    return g_addr(cc).replace('، ', '\n').replace(', ', '\n')


TYPED.update({
    'gaddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': g_addr(cc)),
    'gblock': ('street_address', 'STREET_ADDRESS', lambda _=None: g_block()),
})
LOOK.update({
    'grank': lambda: pick(['Platz %d im Ranking der besten Städte' % n(1, 20),
                           'Nr. %d in den Charts seit %d Wochen' % (n(1, 10), n(2, 9)),
                           'Kat %d ve Bölüm %d tamamlandı' % (n(1, 9), n(1, 9)),
                           'Piso %d de la lista de espera, turno %d' % (n(1, 9), n(10, 99)),
                           'Etage %d des Spiels freigeschaltet' % n(2, 9)]),
    'gcode': lambda: pick(['new Street(%d) returned null' % n(1, 99),
                           'lane %d of the highway is closed for %d km' % (n(1, 4), n(2, 12)),
                           'Drive %d TB free of %d TB' % (n(1, 9), n(10, 20)),
                           'Court %d hearing at %d:%02d' % (n(1, 12), n(9, 16), n(0, 59)),
                           'Park %d cars on level %d' % (n(2, 40), n(1, 5)),
                           'Route %d DNS records updated' % n(10, 99),
                           'Block %d confirmed with %d transactions' % (n(800000, 900000),
                                                                       n(100, 3000)),
                           'Sector %d scanned, %d bad blocks' % (n(1, 9999), n(0, 9))]),
    'gwork': lambda: pick(['Penny Lane and Abbey Road were recorded in 1967 and 1969.',
                           'Calle 13 played %d songs in Bogotá.' % n(10, 30),
                           'We watched Rue des Martyrs and 84 Charing Cross Road.',
                           'Avenue 5 season %d drops on %d May.' % (n(1, 3), n(1, 28)),
                           'The band Boulevard Depo released %d tracks.' % n(5, 20),
                           'Sunset Boulevard won %d Oscars.' % n(2, 3)]),
    'gplace': lambda: pick(['The Königsallee shops open at %d.' % n(9, 10),
                            'Walking down Nevsky Prospekt took %d minutes.' % n(10, 50),
                            'La Rambla was crowded on %d August.' % n(1, 30),
                            'Rue de Rivoli has %d arcades.' % n(100, 300),
                            'شارع المعز فيه %d مسجدًا' % n(10, 40),
                            'Ulica Piotrkowska ma %d km.' % n(4, 5)]),
    'gfirm': lambda: pick(['Lombard Street Research cut its forecast to %d%%.' % n(1, 5),
                           'Grove Street Games shipped %d patches.' % n(2, 20),
                           'Bay Street Capital hired %d analysts.' % n(2, 9),
                           'Rua Augusta Café seats %d.' % n(20, 90),
                           'Via Appia Pizzeria: order %d pizzas for table %d.' % (n(2, 9),
                                                                                  n(1, 30))]),
})

TEMPLATES_G = [
    "Адрас: <<gaddr.by>>",
    "Дарек: <<gaddr.kg>>",
    "አድራሻ: <<gaddr.et>>",
    "ঠিকানা: <<gaddr.bd>>",
    "முகவரி: <<gaddr.ta>>",
    "پتہ: <<gaddr.ur>>",
    "המשרד שלנו: <<gaddr.he>>",
    "العنوان الوطني: <<gaddr.sa>>",
    "Στείλτε το στο <<gaddr.gr>>.",
    "Teslimat adresi: <<gaddr.tr>>",
    "Proszę wysłać na adres <<gaddr.pl>>.",
    "Sídlo: <<gaddr.cz>>",
    "Entregar em <<gaddr.pt>> até sexta.",
    "Bústaður: <<gaddr.fo>>",
    "Postanschrift: <<gaddr.li>>",
    "Siège social : <<gaddr.mc>>",
    "Adreça: <<gaddr.ad>>",
    "Registered office: <<gaddr.gi>>",
    "Cyfeiriad: <<gaddr.cy>>",
    "Helbidea: <<gaddr.eu>>",
    "Adreça de lliurament: <<gaddr.ca>>",
    "Enderezo: <<gaddr.gl>>",
    "Endereço para correspondência: <<gaddr.br>>",
    "La tienda está en <<gaddr.pe>>.",
    "Nos vemos en <<gaddr.bo>> a las <<time>>.",
    "Sucursal: <<gaddr.py>>",
    "Oficina central: <<gaddr.pa>>",
    "Dirección exacta: <<gaddr.hn>>",
    "Adresse : <<gaddr.ht>>",
    "Drop it at <<gaddr.tt>>, thanks!",
    "Physical address: <<gaddr.zm>>",
    "Our Harare branch is at <<gaddr.zw>>.",
    "Écrivez-nous : <<gaddr.cm>>",
    "Adiresy: <<gaddr.mg>>",
    "Adresse du client : <<gaddr.ml>>",
    "Le colis part vers <<gaddr.dz>> demain.",
    "Deliver to <<gaddr.sg>> between <<time>> and 18:00.",
    "Resort office: <<gaddr.mv>>",
    "Postal: <<gaddr.pg>>",
    "Shop address — <<gaddr.fj>>",
    "Office: <<gaddr.bt>>",
    "Мекенжай: <<gaddr.kz>>",
    "<<person>>, <<gaddr>>, <<email>>",
    "| <<person>> | <<gaddr>> | <<phone>> |",
    "address: \"<<gaddr>>\"\nphone: \"<<phone>>\"",
    "<<person>>\n<<gblock>>\n<<phone>>",
    "Recipient:\n<<gblock>>",
    "ADDRESS: <<gaddr.upper>>",
    "pls send to <<gaddr.lower>> asap",
    "New address from <<odate>>: <<gaddr>>.",
]
LOOKALIKES_G = [
    "<<grank>>",
    "<<gcode>>",
    "<<gwork>>",
    "<<gplace>>",
    "<<gfirm>>",
    "Update: <<gcode>> (reported by <<person>>)",
    "FYI <<gwork>> Tickets from <<odate>>.",
]



# ---- set h: written in session 9 after the rules for g, scored once on first contact ----
SCRIPT_DIGITS = {'deva': '०१२३४५६७८९', 'thai': '๐๑๒๓๔๕๖๗๘๙', 'khmr': '០១២៣៤៥៦៧៨៩',
                 'mymr': '၀၁၂၃၄၅၆၇၈၉', 'laoo': '໐໑໒໓໔໕໖໗໘໙', 'arab': '٠١٢٣٤٥٦٧٨٩',
                 'fa': '۰۱۲۳۴۵۶۷۸۹', 'gujr': '૦૧૨૩૪૫૬૭૮૯', 'beng': '০১২৩৪৫৬৭৮৯'}


def sd(script, x):
    """x written in a script's own decimal digits."""
    return ''.join(SCRIPT_DIGITS[script][int(ch)] for ch in str(x))


def h_addr(cc='any'):
    f = {
        # native scripts and their digits
        'np': lambda: 'घर नं. %s, वडा नं. %s, बानेश्वर, काठमाडौं ४४६००' % (sd('deva', n(1, 999)),
                                                                      sd('deva', n(1, 32))),
        'mr': lambda: 'फ्लॅट क्र. %d, %s मजला, शिवाजी नगर, पुणे ४११००५' % (n(1, 40), sd('deva', n(1, 9))),
        'gu': lambda: 'મકાન નં. %s, સી. જી. રોડ, નવરંગપુરા, અમદાવાદ ૩૮૦૦૦૯' % sd('gujr', n(1, 300)),
        'te': lambda: 'ఇంటి నం. %d-%d-%d, రోడ్ నం. %d, బంజారా హిల్స్, హైదరాబాద్ 500034' % (
            n(1, 9), n(1, 9), n(100, 400), n(1, 14)),
        'ml': lambda: 'വീട്ടു നമ്പർ %d, എം. ജി. റോഡ്, എറണാകുളം, കൊച്ചി 6820%02d' % (n(1, 300),
                                                                               n(10, 99)),
        'si': lambda: 'නො. %d, ගාලු පාර, කොළඹ 0%d' % (n(1, 400), n(2, 7)),
        'mm': lambda: 'အမှတ် %s၊ ဗိုလ်ချုပ်လမ်း၊ ပုဇွန်တောင်မြို့နယ်၊ ရန်ကုန်' % sd('mymr', n(1, 400)),
        'kh': lambda: 'ផ្ទះលេខ %s ផ្លូវ %s សង្កាត់ទួលទំពូង ខណ្ឌចំការមន ភ្នំពេញ' % (
            sd('khmr', n(1, 200)), sd('khmr', n(100, 500))),
        'la': lambda: 'ເຮືອນເລກທີ %s, ຖະໜົນລ້ານຊ້າງ, ບ້ານຫັດສະດີ, ນະຄອນຫຼວງວຽງຈັນ' % sd('laoo',
                                                                                      n(1, 300)),
        'th': lambda: 'เลขที่ %s ซอยสุขุมวิท %s แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพฯ ๑๐๑๑๐' % (
            sd('thai', n(1, 300)), sd('thai', n(1, 71))),
        'er': lambda: 'ጎደና ሓርነት ቁ. %d፣ ኣስመራ' % n(1, 400),
        'et': lambda: 'ቦሌ መንገድ፣ የቤት ቁጥር %d፣ አዲስ አበባ' % n(1, 999),
        'af': lambda: 'کابل، ناحیه %s، سرک %s، خانه شماره %s' % (sd('fa', n(1, 22)),
                                                              sd('fa', n(1, 40)),
                                                              sd('fa', n(1, 300))),
        'iq': lambda: 'بغداد، المنصور، محلة %s، زقاق %s، دار %s' % (
            sd('arab', n(600, 620)), sd('arab', n(1, 40)), sd('arab', n(1, 90))),
        'ae': lambda: 'فيلا %d، شارع %d، الجميرا 1، دبي' % (n(1, 90), n(1, 40)),
        'sd': lambda: 'الخرطوم، شارع النيل، مبنى رقم %s' % sd('arab', n(1, 90)),
        'tj': lambda: 'кӯчаи Рӯдакӣ %d, хонаи %d, Душанбе 7340%02d' % (n(1, 140), n(1, 90),
                                                                    n(0, 99)),
        'ru': lambda: 'Россия, 1900%02d, Санкт-Петербург, Невский пр-т, д. %d, кв. %d' % (
            n(0, 99), n(1, 150), n(1, 200)),
        'cy': lambda: 'Λεωφόρος Μακαρίου Γ΄ %d, 10%02d Λευκωσία' % (n(1, 90), n(60, 99)),
        'il': lambda: 'רחוב יפו %d, קומה %d, ירושלים 94%05d' % (n(1, 200), n(1, 9), n(0, 99999)),
        'cn': lambda: pick(['上海市静安区愚园路%d弄%d号' % (n(100, 1400), n(1, 40)),
                            '广东省深圳市南山区深南大道%d号%d栋%d室' % (n(1000, 9999), n(1, 9),
                                                                  n(101, 2808))]),
        'jp': lambda: pick(['%d-%d-%d Ginza, Chuo-ku, Tokyo 104-0061' % (n(1, 8), n(1, 9),
                                                                        n(1, 20)),
                            '大阪府大阪市北区梅田%d-%d-%d' % (n(1, 3), n(1, 9), n(1, 20))]),
        'kr': lambda: pick(['서울특별시 종로구 세종대로 %d' % n(1, 200),
                            '경기도 성남시 분당구 판교역로 %d, %d층' % (n(1, 250), n(2, 20))]),
        # Latin script: streets without a house number, s/n, suffixes
        'de': lambda: pick(['Am Markt, 180%02d Rostock' % n(55, 59),
                            'Hauptstraße, 10115 Berlin']),
        'fr': lambda: pick(['Lieu-dit La Croix, 24200 Sarlat-la-Canéda',
                            'Rue de Rivoli, 75001 Paris']),
        'es': lambda: 'Pza. de España s/n, 410%02d Sevilla' % n(1, 20),
        'it': lambda: 'Via del Corso, %d - 00186 Roma (RM)' % n(1, 500),
        'nl': lambda: pick(['Keizersgracht %d-II, 1015 CJ Amsterdam' % n(1, 800),
                            'Overtoom %d hs, 1054 HK Amsterdam' % n(1, 500)]),
        'xk': lambda: 'Rr. Nëna Terezë %d, 10000 Prishtinë' % n(1, 90),
        'me': lambda: 'Bulevar Svetog Petra Cetinjskog %d, 81000 Podgorica' % n(1, 150),
        'ba': lambda: 'Ferhadija %d, 71000 Sarajevo' % n(1, 40),
        'gl': lambda: 'Aqqusinersuaq %d, 3900 Nuuk' % n(1, 60),
        'ie': lambda: 'Bóthar na Trá %d, Gaillimh H91 %s%d%s%d' % (n(1, 90), pick('ACDEFHKN'),
                                                                   n(0, 9), pick('PRTVWXY'),
                                                                   n(0, 9)),
        'us': lambda: pick(['PSC %d, Box %d, APO AE 09%03d' % (n(1000, 9999), n(1000, 9999),
                                                               n(0, 999)),
                            'PMB %d, %d Elm St, Boulder, CO 80302' % (n(100, 999),
                                                                       n(100, 9999))]),
        'au': lambda: 'Lot %d Bruce Hwy, Gympie QLD 4570' % n(1, 400),
        'ci': lambda: 'Cocody Riviera %d, Rue des Jardins, 01 BP %d Abidjan 01' % (n(1, 4),
                                                                                  n(100, 9999)),
        'cd': lambda: 'Avenue de la Justice n° %d, Commune de la Gombe, Kinshasa' % n(1, 300),
        'mu': lambda: '%d Royal Road, Rose Hill 713%02d' % (n(1, 200), n(0, 99)),
        'na': lambda: '%d Independence Avenue, Windhoek' % n(1, 300),
        'bw': lambda: 'Plot %d, Fairground Office Park, Gaborone' % n(10000, 79999),
        'mw': lambda: 'Private Bag %d, Lilongwe 3' % n(100, 400),
        'sv': lambda: 'Calle La Mascota #%d, Colonia San Benito, San Salvador' % n(100, 999),
        'cr': lambda: 'Avenida Central, Calle %d, casa %d, San José 10101' % (n(1, 40),
                                                                             n(1, 300)),
        'gy': lambda: 'Lot %d Regent Street, Bourda, Georgetown' % n(1, 200),
        'sr': lambda: 'Kernkampweg %d, Paramaribo' % n(1, 120),
        'bb': lambda: '#%d Chelsea Road, St. Michael, BB140%02d' % (n(1, 60), n(10, 99)),
        'nc': lambda: '%d rue de Sébastopol, 98800 Nouméa' % n(1, 90),
        'to': lambda: "Taufa'ahau Road %d, Nuku'alofa" % n(1, 200),
    }
    cc = pick(sorted(f)) if cc == 'any' else cc
    return f[cc]()


def h_vcard():
    """An ADR value of a vCard: street;town;region;postcode;country after two empty parts."""
    return pick(['%d Harbour Street;Sydney;NSW;2000;Australia' % n(1, 200),
                 'Hauptstraße %d;Wien;;1040;Österreich' % n(1, 90),
                 'Carrera %d # %d-%d;Bogotá;;110111;Colombia' % (n(1, 30), n(1, 99), n(1, 99)),
                 '%d rue Sainte-Catherine;Montréal;QC;H2X 1K4;Canada' % n(100, 2000)])


def h_html():
    return pick(['%d Queen Street<br>Auckland 1010' % n(1, 300),
                 'Kungsgatan %d<br>111 43 Stockholm' % n(1, 90),
                 'Calle de Alcalá %d, 2º<br>28014 Madrid' % n(1, 400)])


def h_block():
    """A letter's recipient lines, street then town."""
    return pick(['%d Kingsway\nLondon WC2B 6%s%s' % (n(1, 300), pick('ABDEHJ'), pick('NPQRST')),
                 'Ringstraße %d\n4600 Wels' % n(1, 90),
                 'Rua das Flores, %d - 2.º Dto.\n4050-262 Porto' % n(1, 200),
                 'ul. Długa %d/%d\n80-827 Gdańsk' % (n(1, 90), n(1, 20)),
                 'Keizersgracht %d-II\n1015 CJ Amsterdam' % n(1, 800),
                 'Box %d\n%d Main Street\nWhitehorse YT Y1A 2C6' % (n(1, 9), n(100, 400))])


H_MONTHS = {
    'tr': 'Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık',
    'pl': 'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października '
          'listopada grudnia',
    'cs': 'ledna února března dubna května června července srpna září října listopadu prosince',
    'fi': 'tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta '
          'elokuuta syyskuuta lokakuuta marraskuuta joulukuuta',
    'sw': 'Januari Februari Machi Aprili Mei Juni Julai Agosti Septemba Oktoba Novemba Desemba',
    'ms': 'Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember',
    'tl': 'Enero Pebrero Marso Abril Mayo Hunyo Hulyo Agosto Setyembre Oktubre Nobyembre '
          'Disyembre',
    'ar': 'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر',
    'hi': 'जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर',
    'th': 'มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม '
          'พฤศจิกายน ธันวาคม',
    'ga': 'Eanáir Feabhra Márta Aibreán Bealtaine Meitheamh Iúil Lúnasa Meán-Fómhair '
          'Deireadh-Fómhair Samhain Nollaig',
    'cy': 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd '
          'Rhagfyr',
    'sq': 'janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor',
    'az': 'yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr',
    'kk': 'қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан',
}
H_MONTHS = {k: v.split() for k, v in H_MONTHS.items()}


def h_dob(fmt='any'):
    y, m, d = n(1934, 2008), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    if fmt in H_MONTHS:
        mon = H_MONTHS[fmt][m - 1]
        if fmt in ('cs', 'fi'):
            return '%d. %s %d' % (d, mon, y)
        if fmt == 'tl':
            return '%s %d, %d' % (mon, d, y)
        if fmt == 'th':
            return '%s %s %s' % (sd('thai', d), mon, sd('thai', y + 543))
        if fmt == 'ga':
            return '%d %s %d' % (d, mon, y)
        if fmt == 'cy':
            return '%d %s %d' % (d, mon, y)
        if fmt == 'az':
            return '%d %s %d-ci il' % (d, mon, y)
        if fmt == 'kk':
            return '%d жылғы %d %s' % (y, d, mon)
        return '%d %s %d' % (d, mon, y)
    ord_ = 'th' if 4 <= d <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')
    return {'en_the': '%s the %d%s, %d' % (en, d, ord_, y),
            'en_apos': "%d%s %s '%02d" % (d, ord_, en[:3], y % 100),
            'ymon': '%d-%s-%02d' % (y, en[:3], d),
            'dmon2': '%02d %s %02d' % (d, en[:3], y % 100),
            'deva': '%s/%s/%s' % (sd('deva', d), sd('deva', m), sd('deva', y)),
            'beng': '%s-%s-%s' % (sd('beng', d), sd('beng', m), sd('beng', y)),
            'hijri': '%s/%s/%s هـ' % (sd('arab', n(1340, 1429)), sd('arab', m), sd('arab', d)),
            'dash2': '%02d-%02d-%04d' % (d, m, y), 'space': '%02d %02d %04d' % (d, m, y),
            'ymd_dot': '%04d.%02d.%02d' % (y, m, d), 'dmy': '%02d/%02d/%04d' % (d, m, y),
            'iso': '%04d-%02d-%02d' % (y, m, d)}[fmt]


TYPED.update({
    'haddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': h_addr(cc)),
    'hvcard': ('street_address', 'STREET_ADDRESS', lambda _=None: h_vcard()),
    'hhtml': ('street_address', 'STREET_ADDRESS', lambda _=None: h_html()),
    'hblock': ('street_address', 'STREET_ADDRESS', lambda _=None: h_block()),
    'hdob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': h_dob(fmt)),
})
LOOK.update({
    'hnum': lambda: pick(['Route 66', 'Building 7', 'Gate %d' % n(1, 60), 'Level %d' % n(1, 9),
                          'Studio 54', 'Apollo 11', "Ocean's 11", 'Hangar 18', 'Area 51',
                          'Terminal %d' % n(1, 5), 'Platform %d' % n(1, 14), 'Stage %d' % n(1, 4),
                          'Halle %d' % n(1, 27), 'Ruta %d' % n(1, 40), 'Bahnsteig %d' % n(1, 12),
                          'Porte %d' % n(1, 40), 'Linha %d' % n(1, 15), 'Chapter %d' % n(7, 13),
                          'Pier %d' % n(1, 40), 'Track %d' % n(1, 12)]),
    'htitle': lambda: pick(['21 Jump Street', '42nd Street', 'Miracle on 34th Street',
                            'Sesame Street', 'Electric Avenue', 'Penny Lane',
                            'Mulholland Drive', 'Sunset Boulevard', 'Avenue Q', 'Abbey Road',
                            'Melrose Place', 'Coronation Street', '84 Charing Cross Road',
                            'Rue Morgue', 'Nightmare on Elm Street']),
    'hfirm': lambda: pick(['Threadneedle Street Partners', 'Bay Street Ventures',
                           'Calle Ocho Tacos', 'Via Condotti Gioielli', 'Old Kent Road Motors',
                           'Unter den Linden Verlag', 'Nevsky Prospekt Hotel']),
    'hodate': lambda: pick(['Ngày cấp: %02d/%02d/%d' % (n(1, 28), n(1, 12), n(2016, 2024)),
                            'วันหมดอายุ: %d/%d/%d' % (n(1, 28), n(1, 12), n(2566, 2572)),
                            'تاريخ الإصدار: %02d/%02d/%d' % (n(1, 28), n(1, 12), n(2016, 2024)),
                            '発行日：%d年%d月%d日' % (n(2016, 2024), n(1, 12), n(1, 28)),
                            '발급일: %d.%02d.%02d' % (n(2016, 2024), n(1, 12), n(1, 28)),
                            'Datum vydání: %d. %d. %d' % (n(1, 28), n(1, 12), n(2016, 2024)),
                            'Married on %d %s %d in Galway.' % (n(1, 28), pick(w.MONTHS_EN),
                                                                n(1990, 2020)),
                            'Hired %02d/%02d/%d, badge %d.' % (n(1, 28), n(1, 12),
                                                               n(2005, 2024), n(1000, 9999)),
                            'Graduated %s %d, %d.' % (pick(w.MONTHS_EN), n(1, 28),
                                                      n(1995, 2023))]),
})

TEMPLATES_H = [
    "घर का पता: <<haddr.np>>",
    "पत्ता: <<haddr.mr>>",
    "સરનામું: <<haddr.gu>>",
    "చిరునామా: <<haddr.te>>",
    "വിലാസം: <<haddr.ml>>",
    "ලිපිනය: <<haddr.si>>",
    "လိပ်စာ: <<haddr.mm>>",
    "អាសយដ្ឋាន: <<haddr.kh>>",
    "ທີ່ຢູ່: <<haddr.la>>",
    "ส่งของที่ <<haddr.th>> ค่ะ",
    "ኣድራሻ: <<haddr.er>>",
    "የመኖሪያ አድራሻ: <<haddr.et>>",
    "آدرس: <<haddr.af>>",
    "العنوان: <<haddr.iq>>",
    "يرجى التوصيل إلى <<haddr.ae>> قبل الساعة 5",
    "عنوان الشركة: <<haddr.sd>>",
    "Суроға: <<haddr.tj>>",
    "Адрес доставки: <<haddr.ru>>",
    "Διεύθυνση αποστολής: <<haddr.cy>>",
    "שלחו ל<<haddr.il>>",
    "收货地址：<<haddr.cn>>（工作日送货）",
    "Our Tokyo showroom: <<haddr.jp>>",
    "배송지: <<haddr.kr>>",
    "Anschrift: <<haddr.de>>",
    "Adresse de livraison : <<haddr.fr>>",
    "Estamos en <<haddr.es>>, junto a la fuente.",
    "Indirizzo: <<haddr.it>>",
    "Bezorgadres: <<haddr.nl>>",
    "Adresa: <<haddr.xk>>",
    "Adresa za dostavu: <<haddr.me>>",
    "Sjedište: <<haddr.ba>>",
    "Najugaq: <<haddr.gl>>",
    "Seoladh: <<haddr.ie>>",
    "Mail to: <<haddr.us>>",
    "Farm address: <<haddr.au>>",
    "Siège : <<haddr.ci>>",
    "Adresse physique : <<haddr.cd>>",
    "Visit us at <<haddr.mu>>.",
    "Windhoek branch: <<haddr.na>>",
    "Office location — <<haddr.bw>>",
    "Postal address: <<haddr.mw>>",
    "Dirección: <<haddr.sv>>",
    "Dirección de entrega: <<haddr.cr>>",
    "Deliver to <<haddr.gy>> after 2pm.",
    "Adres: <<haddr.sr>>",
    "Ship to <<haddr.bb>> please",
    "Adresse : <<haddr.nc>>",
    "We're at <<haddr.to>>, next to the market.",
    # layouts
    "BEGIN:VCARD\nVERSION:3.0\nFN:<<person>>\nADR;TYPE=home:;;<<hvcard>>\nTEL:<<phone>>\n"
    "END:VCARD",
    "<address><<person>><br><<hhtml>></address>",
    "<<odate>>\n\n<<person>>\nc/o <<person>>\n<<hblock>>\n\nDear <<first>>,",
    "Herrn\n<<person>>\n<<hblock>>\n\nBetreff: Ihre Bestellung <<order>>",
    "{\"shipping\": {\"recipient\": \"<<person>>\", \"line1\": \"<<haddr>>\"}, "
    "\"items\": <<qty>>}",
    "id;name;address;created\n<<qty>>;<<person>>;\"<<haddr>>\";<<odate>>",
    "<deliveryAddress><<haddr>></deliveryAddress>",
    "- **Recipient:** <<person>>\n- **Address:** <<haddr>>\n- **Phone:** <<phone>>",
    "hey can u send the keys to <<haddr.lower>>? thx",
    "<<person>> · <<haddr>> · <<email>>",
    # birth dates
    "Doğum tarihi: <<hdob.tr>>",
    "Urodzona <<hdob.pl>> w Krakowie.",
    "Narozen <<hdob.cs>> v Brně.",
    "Syntymäaika: <<hdob.fi>>",
    "Tarehe ya kuzaliwa: <<hdob.sw>>",
    "Tarikh lahir: <<hdob.ms>>",
    "Petsa ng kapanganakan: <<hdob.tl>>",
    "تاريخ الميلاد: <<hdob.ar>>",
    "जन्म तिथि: <<hdob.hi>>",
    "วันเกิด <<hdob.th>>",
    "Dáta breithe: <<hdob.ga>>",
    "Dyddiad geni: <<hdob.cy>>",
    "Datëlindja: <<hdob.sq>>",
    "Doğum tarixi: <<hdob.az>>",
    "Туған күні: <<hdob.kk>>",
    "Born <<hdob.en_the>> in Cork.",
    "DOB <<hdob.en_apos>>",
    "Date of birth: <<hdob.ymon>>",
    "dob: <<hdob.dmon2>>",
    "जन्म मिति: <<hdob.deva>>",
    "জন্ম তারিখ: <<hdob.beng>>",
    "تاريخ الميلاد: <<hdob.hijri>>",
    "Geburtsdatum <<hdob.dash2>>",
    "Date of Birth (DD MM YYYY): <<hdob.space>>",
    "생년월일 <<hdob.ymd_dot>>",
    "{\"birthDate\": \"<<hdob.iso>>\", \"name\": \"<<person>>\"}",
    "patient,dob,ward\n<<person>>,<<hdob.dmy>>,<<qty>>",
    "Gebore op <<hdob.dmy>> in Pretoria.",
    "Jaiotze data: <<hdob.iso>>",
    "Ημ. γέννησης: <<hdob.dmy>>",
    "Төрсөн огноо: <<hdob.iso>>",
    "Tug'ilgan sana: <<hdob.dmy>>",
]
LOOKALIKES_H = [
    "Meet me at <<hnum>> at <<time>>.",
    "We took <<hnum>> and then <<hnum>> to get there.",
    "Tonight: <<htitle>> (<<qty>> min), then <<htitle>>.",
    "<<hfirm>> posted <<price>> in revenue.",
    "<<hodate>>",
    "Reminder from <<person>>: <<hodate>>",
    "The view from <<hnum>> is great; <<htitle>> is playing on the radio.",
    "Boarding at <<hnum>>, seat <<qty>>A, flight LH<<qty>>.",
]



# ---- set i: written in session 9 after the rules for h, scored once on first contact ----
SCRIPT_DIGITS.update({'knda': '೦೧೨೩೪೫೬೭೮೯', 'guru': '੦੧੨੩੪੫੬੭੮੯', 'orya': '୦୧୨୩୪୫୬୭୮୯',
                      'tibt': '༠༡༢༣༤༥༦༧༨༩'})


def i_addr(cc='any'):
    f = {
        # scripts and digits
        'kn': lambda: 'ಮನೆ ಸಂಖ್ಯೆ %s, %dನೇ ಅಡ್ಡರಸ್ತೆ, ಜಯನಗರ, ಬೆಂಗಳೂರು ೫೬೦೦೪೧' % (
            sd('knda', n(1, 400)), n(1, 9)),
        'pa': lambda: 'ਮਕਾਨ ਨੰ. %s, ਮਾਡਲ ਟਾਊਨ, ਲੁਧਿਆਣਾ ੧੪੧੦੦੨' % sd('guru', n(1, 900)),
        'or': lambda: 'ଘର ନଂ. %s, ଜନପଥ, ଭୁବନେଶ୍ୱର ୭୫୧୦୦୧' % sd('orya', n(1, 300)),
        'mv': lambda: 'ހ. ނޫފެހި، %d ވަނަ ފަންގިފިލާ، މާލެ 20%03d' % (n(1, 9), n(0, 999)),
        'bt': lambda: 'ཁྱིམ་ཨང་ %s, ནོར་འཛིན་ལམ་, ཐིམ་ཕུ་' % sd('tibt', n(1, 90)),
        'eg': lambda: '%s شارع التحرير، الدقي، الجيزة %s' % (sd('arab', n(1, 90)),
                                                        sd('arab', n(12311, 12655))),
        'kw': lambda: 'قطعة %d، شارع %d، منزل %d، السالمية، الكويت' % (n(1, 12), n(1, 40),
                                                                 n(1, 60)),
        'bh': lambda: 'Building %d, Road %d, Block %d, Manama' % (n(100, 2999), n(100, 3999),
                                                                 n(300, 999)),
        'om': lambda: 'Way %d, House %d, Al Khuwair, Muscat' % (n(2000, 3999), n(1, 500)),
        'lb': lambda: 'Rue Hamra, Immeuble Sabbagh, %e étage, Beyrouth'.replace(
            '%e', '%de' % n(2, 9)),
        'tm': lambda: "Magtymguly şaýoly %d, jaý %d, Aşgabat 744000" % (n(1, 120), n(1, 80)),
        'tt': lambda: 'Казан, Бауман урамы, %d нче йорт, %d фатир' % (n(1, 90), n(1, 120)),
        'mo': lambda: pick(['澳門新馬路%d號%d樓' % (n(1, 200), n(2, 20)),
                            'Avenida de Almeida Ribeiro n.º %d, %d.º andar, Macau' % (
                                n(1, 200), n(1, 20))]),
        'jp': lambda: '〒%03d-%04d 福岡県福岡市中央区天神%d丁目%d番%d号' % (
            n(810, 819), n(0, 9999), n(1, 5), n(1, 15), n(1, 30)),
        'kr': lambda: '대구광역시 수성구 달구벌대로 %d길 %d, %d동 %d호' % (n(1, 600), n(1, 40),
                                                              n(101, 120), n(101, 1504)),
        'tw': lambda: '高雄市前鎮區中山二路%d巷%d號%d樓' % (n(1, 300), n(1, 90), n(2, 20)),
        'vn': lambda: 'Số %d Đường Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh' % n(1, 300),
        'ge': lambda: 'ვაჟა-ფშაველას გამზირი %d, ბინა %d, თბილისი 0186' % (n(1, 90),
                                                                        n(1, 120)),
        'am': lambda: 'Սայաթ-Նովայի պողոտա %d, բն. %d, Երևան 0001' % (n(1, 50), n(1, 80)),
        'bg': lambda: 'ул. „Шипка“ № %d, ет. %d, ап. %d, 1504 София' % (n(1, 60), n(1, 9),
                                                                     n(1, 40)),
        'gr': lambda: 'Πλατεία Αριστοτέλους %d, 546 23 Θεσσαλονίκη' % n(1, 30),
        'il': lambda: 'שדרות בן גוריון %d, דירה %d, חיפה' % (n(1, 140), n(1, 40)),
        'lk': lambda: 'இல. %d, காலி வீதி, வெள்ளவத்தை, கொழும்பு 06' % n(1, 400),
        # Latin script, other layouts
        'pf': lambda: 'BP %d, 98713 Papeete' % n(100, 9999),
        're': lambda: '%d rue de Paris, 97400 Saint-Denis' % n(1, 120),
        'ky': lambda: '%d Harbour Drive, George Town, Grand Cayman KY1-11%02d' % (n(1, 200),
                                                                               n(0, 99)),
        'bm': lambda: '%d Front Street, Hamilton HM %d' % (n(1, 120), n(10, 19)),
        'fk': lambda: '%d Ross Road, Stanley FIQQ 1ZZ' % n(1, 60),
        'im': lambda: '%d Athol Street, Douglas IM1 1%s%s' % (n(1, 90), pick('ABDEHJL'),
                                                            pick('NPQRTUW')),
        'je': lambda: '%d Halkett Place, St Helier JE2 4%s%s' % (n(1, 90), pick('ABDEHJL'),
                                                                pick('NPQRTUW')),
        'ax': lambda: 'Torggatan %d, AX-22100 Mariehamn' % n(1, 40),
        'sm': lambda: 'Contrada del Collegio %d, 47890 San Marino' % n(1, 40),
        'it_bz': lambda: 'Lauben %d, 39100 Bozen' % n(1, 90),
        'ch_rm': lambda: 'Via Maistra %d, 7500 San Murezzan' % n(1, 60),
        'ee': lambda: 'Pärnu mnt %d-%d, 10141 Tallinn' % (n(1, 200), n(1, 60)),
        'fi_sv': lambda: 'Mannerheimvägen %d B %d, 00100 Helsingfors' % (n(1, 90), n(1, 60)),
        'no': lambda: 'Storgata %d, 0155 Oslo' % n(1, 90),
        'gd': lambda: '%d Sràid an Rìgh, Inbhir Nis IV1 1%s%s' % (n(1, 90), pick('ABDEHJL'),
                                                                pick('NPQRTUW')),
        'bi': lambda: 'Avenue de l\'Université n° %d, Bujumbura' % n(1, 90),
        'cg': lambda: '%d avenue Amilcar Cabral, Brazzaville' % n(1, 300),
        'cv': lambda: 'Rua Serpa Pinto, n.º %d, Praia' % n(1, 200),
        'sl': lambda: '%d Siaka Stevens Street, Freetown' % n(1, 120),
        'tg': lambda: 'BP %d Lomé' % n(100, 9999),
        'bf': lambda: '01 BP %d Ouagadougou 01' % n(100, 9999),
        'ls': lambda: 'Kingsway %d, Maseru 100' % n(1, 90),
        'sz': lambda: '%d Gwamile Street, Mbabane H100' % n(1, 90),
        'tl': lambda: 'Rua de Caicoli, n.º %d, Díli' % n(1, 90),
        'bz': lambda: '%d Regent Street, Belize City' % n(1, 90),
        'lc': lambda: 'Bridge Street %d, Castries' % n(1, 90),
        'ni': lambda: 'Calle Principal %d, Barrio San Luis, Managua' % n(1, 300),
        'kw_en': lambda: 'Block %d, Street %d, House %d, Salmiya, Kuwait' % (n(1, 12), n(1, 40),
                                                                          n(1, 60)),
    }
    cc = pick(sorted(f)) if cc == 'any' else cc
    return f[cc]()


def i_lines():
    """An address on its lines, as a form or an envelope prints it."""
    cc = pick(['re', 'ky', 'bm', 'im', 'je', 'ax', 'sm', 'it_bz', 'ee', 'no', 'cv', 'sl', 'sz',
               'bh', 'om', 'vn', 'bg', 'gr'])
    return i_addr(cc).replace(', ', '\n')


I_MONTHS = {
    'fr1': 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'uk': 'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада '
          'грудня',
    'ka': 'იანვარი თებერვალი მარტი აპრილი მაისი ივნისი ივლისი აგვისტო სექტემბერი ოქტომბერი '
          'ნოემბერი დეკემბერი',
    'hy': 'հունվարի փետրվարի մարտի ապրիլի մայիսի հունիսի հուլիսի օգոստոսի սեպտեմբերի '
          'հոկտեմբերի նոյեմբերի դեկտեմբերի',
    'mt': "Jannar Frar Marzu April Mejju Ġunju Lulju Awwissu Settembru Ottubru Novembru Diċembru",
    'eu': 'urtarrilaren otsailaren martxoaren apirilaren maiatzaren ekainaren uztailaren '
          'abuztuaren irailaren urriaren azaroaren abenduaren',
    'et': 'jaanuar veebruar märts aprill mai juuni juuli august september oktoober november '
          'detsember',
    'id': 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November '
          'Desember',
    'ha': 'Janairu Fabrairu Maris Afrilu Mayu Yuni Yuli Agusta Satumba Oktoba Nuwamba Disamba',
    'yo': 'Ṣẹ́rẹ́ Èrèlè Ẹrẹ̀nà Ìgbé Ẹ̀bibi Òkúdu Agẹmọ Ògún Owewe Ọ̀wàrà Bélú Ọ̀pẹ̀',
    'so': 'Janaayo Febraayo Maarso Abriil Maajo Juun Luulyo Agoosto Sebtembar Oktoobar Nofembar '
          'Desembar',
    'ro': 'ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie '
          'noiembrie decembrie',
}
I_MONTHS = {k: v.split() for k, v in I_MONTHS.items()}


def i_dob(fmt='any'):
    y, m, d = n(1932, 2007), n(1, 12), n(1, 28)
    en = w.MONTHS_EN[m - 1]
    if fmt in I_MONTHS:
        mon = I_MONTHS[fmt][m - 1]
        return {'fr1': ('1er %s %d' % (mon, y)) if d == 1 or n(0, 3) == 0 else
                '%d %s %d' % (d, mon, y),
                'uk': '%d %s %d р.' % (d, mon, y), 'ka': '%d %s, %d' % (d, mon, y),
                'hy': '%d թ. %s %d' % (y, mon, d), 'mt': "%d ta' %s %d" % (d, mon, y),
                'eu': '%deko %s %da' % (y, mon, d), 'et': '%d. %s %d' % (d, mon, y),
                'id': '%d %s %d' % (d, mon, y), 'ha': '%d %s, %d' % (d, mon, y),
                'yo': '%d %s %d' % (d, mon, y), 'so': '%d %s %d' % (d, mon, y),
                'ro': '%d %s %d' % (d, mon, y)}[fmt]
    return {'slash_mon': '%02d/%s/%d' % (d, en[:3], y),
            'mon_apos': "%s %d '%02d" % (en[:3], d, y % 100),
            'mon_comma': '%d %s, %d' % (d, en, y),
            'ymd_slash_age': '%d/%02d/%02d' % (y, m, d),
            'dmy_dash': '%d-%d-%d' % (d, m, y),
            'dmy': '%02d/%02d/%04d' % (d, m, y),
            'ymd': '%04d-%02d-%02d' % (y, m, d),
            'dot': '%02d.%02d.%04d' % (d, m, y),
            'ym_cjk': '%d年%d月' % (y, m),
            'np': '%s/%s/%s' % (sd('deva', y + 57), sd('deva', m), sd('deva', d)),
            'compact': '%04d%02d%02d' % (y, m, d)}[fmt]


TYPED.update({
    'iaddr': ('street_address', 'STREET_ADDRESS', lambda cc='any': i_addr(cc)),
    'ilines': ('street_address', 'STREET_ADDRESS', lambda _=None: i_lines()),
    'idob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': i_dob(fmt)),
})
LOOK.update({
    'inum': lambda: pick(['Platform 9¾', 'Gate B%d' % n(1, 40), 'Lane %d' % n(1, 8),
                          'Row %d, Seat %d' % (n(1, 40), n(1, 30)), 'Room 101',
                          'Section %d' % n(1, 12), 'Channel %d' % n(1, 9), 'District 9',
                          'Catch-22', 'Stalag 17', 'Base %d' % n(1, 9), 'Sala %d' % n(1, 12),
                          'Saal %d' % n(1, 9), 'Hall %d' % n(1, 20), 'Dock %d' % n(1, 30),
                          'Court %d' % n(1, 16), 'Bay %d' % n(1, 40), 'Wing %d' % n(1, 6),
                          'Stand %s%d' % (pick('ABC'), n(1, 90)), 'Locker %d' % n(1, 300)]),
    'ititle': lambda: pick(['Highway 61 Revisited', 'Route 666', 'Penny Lane', 'Baker Street',
                            'Abbey Road', 'Carnaby Street', 'Sunset Strip', 'Avenue Montaigne',
                            'Via Appia', 'Boulevard of Broken Dreams']),
    'iodate': lambda: pick(['Fecha de vencimiento: %02d/%02d/%d' % (n(1, 28), n(1, 12),
                                                                     n(2025, 2032)),
                            'Data de validade: %02d/%02d/%d' % (n(1, 28), n(1, 12),
                                                                 n(2025, 2032)),
                            'Gültig bis %02d.%02d.%d' % (n(1, 28), n(1, 12), n(2025, 2032)),
                            "Date d'émission : %02d/%02d/%d" % (n(1, 28), n(1, 12),
                                                                 n(2015, 2024)),
                            'Tanggal berlaku: %d-%02d-%02d' % (n(2025, 2032), n(1, 12),
                                                               n(1, 28)),
                            'Ngày hết hạn: %02d/%02d/%d' % (n(1, 28), n(1, 12), n(2025, 2032)),
                            'Son kullanma tarihi: %02d.%02d.%d' % (n(1, 28), n(1, 12),
                                                                   n(2025, 2032)),
                            '유효기간: %d.%02d.%02d' % (n(2025, 2032), n(1, 12), n(1, 28)),
                            '有効期限：%d年%d月%d日' % (n(2025, 2032), n(1, 12), n(1, 28)),
                            'Vaccinated on %d %s %d.' % (n(1, 28), pick(w.MONTHS_EN),
                                                          n(2019, 2024)),
                            'Member since %s %d.' % (pick(w.MONTHS_EN), n(1995, 2023)),
                            'Established %d. Registered %02d/%02d/%d.' % (
                                n(1950, 2010), n(1, 28), n(1, 12), n(2011, 2024))]),
})

TEMPLATES_I = [
    "ವಿಳಾಸ: <<iaddr.kn>>",
    "ਪਤਾ: <<iaddr.pa>>",
    "ଠିକଣା: <<iaddr.or>>",
    "Address: <<iaddr.mv>>",
    "Address: <<iaddr.bt>>",
    "العنوان: <<iaddr.eg>>",
    "عنوان التوصيل: <<iaddr.kw>>",
    "Our Manama office: <<iaddr.bh>>",
    "We moved to <<iaddr.om>> last year.",
    "Adresse : <<iaddr.lb>>",
    "Salgysy: <<iaddr.tm>>",
    "Адрес: <<iaddr.tt>>",
    "地址：<<iaddr.mo>>",
    "住所：<<iaddr.jp>>",
    "받는 곳: <<iaddr.kr>>",
    "收件地址：<<iaddr.tw>>",
    "Địa chỉ giao hàng: <<iaddr.vn>>",
    "Мисамарти: <<iaddr.ge>>".replace('Мисамарти', 'მისამართი'),
    "Հասցե՝ <<iaddr.am>>",
    "Адрес за доставка: <<iaddr.bg>>",
    "Διεύθυνση κατοικίας: <<iaddr.gr>>",
    "כתובת למשלוח: <<iaddr.il>>",
    "முகவரி: <<iaddr.lk>>",
    "Adresse postale : <<iaddr.pf>>",
    "Adresse de facturation : <<iaddr.re>>",
    "Registered office: <<iaddr.ky>>",
    "Please courier the documents to <<iaddr.bm>>.",
    "Postal address — <<iaddr.fk>>",
    "Find us at <<iaddr.im>>.",
    "Head office: <<iaddr.je>>",
    "Postadress: <<iaddr.ax>>",
    "Indirizzo di spedizione: <<iaddr.sm>>",
    "Wohnadresse: <<iaddr.it_bz>>",
    "Adressa: <<iaddr.ch_rm>>",
    "Postiaadress: <<iaddr.ee>>",
    "Postadress: <<iaddr.fi_sv>>",
    "Leveringsadresse: <<iaddr.no>>",
    "Seòladh: <<iaddr.gd>>",
    "Aderesi: <<iaddr.bi>>",
    "Adresi: <<iaddr.cg>>",
    "Endereço de entrega: <<iaddr.cv>>",
    "Please deliver to <<iaddr.sl>> before 5.",
    "Adresse : <<iaddr.tg>>",
    "Boîte postale : <<iaddr.bf>>",
    "Aterese: <<iaddr.ls>>",
    "Ikheli: <<iaddr.sz>>",
    "Enderesu: <<iaddr.tl>>",
    "Our Belize City shop: <<iaddr.bz>>",
    "Address: <<iaddr.lc>>",
    "Dirección de envío: <<iaddr.ni>>",
    "Deliver to: <<iaddr.kw_en>>",
    # layouts
    "customer:\n  name: <<person>>\n  address: |\n    <<ilines>>",
    "[shipping]\naddress = \"<<iaddr>>\"\nphone = \"<<phone>>\"",
    "INSERT INTO customers (name, address) VALUES ('<<person>>', '<<iaddr>>');",
    "<tr><td>Address</td><td><<iaddr>></td></tr>",
    "<<person>> | <<iaddr>> | <<phone>>",
    "Address\n<<ilines>>",
    "level=info msg=\"order shipped\" address=\"<<iaddr>>\" order=<<order>>",
    "**Address:** <<iaddr>>",
    "• Address — <<iaddr>>",
    "Address ........ <<iaddr>>",
    "c/o <<person>>\n<<ilines>>",
    "SHIP-TO: <<iaddr.upper>>",
    "im at <<iaddr.lower>> now, where r u",
    # birth dates
    "Née le <<idob.fr1>> à Nantes.",
    "Дата народження: <<idob.uk>>",
    "დაბადების თარიღი: <<idob.ka>>",
    "Ծննդյան ամսաթիվ՝ <<idob.hy>>",
    "Data tat-twelid: <<idob.mt>>",
    "Jaiotze data: <<idob.eu>>",
    "Sünniaeg: <<idob.et>>",
    "Tempat/Tgl Lahir: Bandung, <<idob.id>>",
    "Ranar haihuwa: <<idob.ha>>",
    "Ọjọ́ ìbí: <<idob.yo>>",
    "Taariikhda dhalashada: <<idob.so>>",
    "Data nașterii: <<idob.ro>>",
    "DOB: <<idob.slash_mon>>",
    "Born <<idob.mon_apos>>, raised in Ohio.",
    "She was born <<idob.mon_comma>> in Accra.",
    "DOB: <<idob.ymd_slash_age>> (age 41)",
    "Ngày sinh: <<idob.dmy_dash>>",
    "Geburtsdatum: <<idob.dot>>",
    "出生年月：<<idob.ym_cjk>>",
    "जन्म मिति (वि.सं.): <<idob.np>>",
    "birth_date=<<idob.compact>>",
    "<tr><td>Date of birth</td><td><<idob.dmy>></td></tr>",
    "INSERT INTO patients (name, dob) VALUES ('<<person>>', '<<idob.ymd>>');",
    "Rojbûn: <<idob.dmy>>",
    "Туган көне: <<idob.dot>>",
    "Guyyaa dhalootaa: <<idob.dmy>>",
]
LOOKALIKES_I = [
    "Meet me at <<inum>> at <<time>>.",
    "Your seat: <<inum>>; boarding from <<inum>>.",
    "Now playing: <<ititle>> (<<qty>> plays).",
    "We listened to <<ititle>> and <<ititle>> all night.",
    "<<iodate>>",
    "Note from <<person>>: <<iodate>>",
    "Ticket <<order>>: <<inum>>, <<odate>> at <<time>>.",
    "The conference is in <<inum>>, then lunch in <<inum>>.",
]


def record():
    look, tmpl = {'a': (LOOKALIKES, TEMPLATES), 'b': (LOOKALIKES_B, TEMPLATES_B),
                  'c': (LOOKALIKES_C, TEMPLATES_C),
                  'd': (LOOKALIKES_D, TEMPLATES_D), 'e': (LOOKALIKES_E, TEMPLATES_E),
                  'f': (LOOKALIKES_F, TEMPLATES_F), 'g': (LOOKALIKES_G, TEMPLATES_G),
                  'h': (LOOKALIKES_H, TEMPLATES_H), 'i': (LOOKALIKES_I, TEMPLATES_I)}[SET]
    t = pick(look if rng.random() < 0.25 else tmpl)
    return w.fill(t, TYPED, LOOK)


SET = 'a'


def main():
    global SET
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument('--set', default='a', choices=['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
                     help='b: the second set, written after the rules for a (seeds 811/812); '
                     'c: the third, written after the rules for b (seeds 821/822); d: the fourth, '
                     'after the rules for c (seeds 831/832); e: after the rules for d (841/842); f: after '
                     'the rules for e (851/852); g: after the rules for f (861/862); h: after the rules '
                     'for g (871/872); i: after the rules for h (881/882)')
    args, rest = pre.parse_known_args()
    SET = args.set
    sys.argv = sys.argv[:1] + rest
    w.write_set(record, {'a': 801, 'b': 811, 'c': 821, 'd': 831, 'e': 841, 'f': 851, 'g': 861,
                                  'h': 871, 'i': 881}[SET], __doc__)


if __name__ == '__main__':
    main()
