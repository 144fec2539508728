#!/usr/bin/env python3
"""A fourth held-out PII set ("world4"), written at the start of the round
that works on world3's weak spots and before any of its changes, without
running the scanner on it. Everything differs again from world, world2 and
world3: cultures (Irish, Icelandic, Finnish, Czech, Romanian, Pakistani,
Bangladeshi, South African, Malay, Cantonese and Taiwanese romanised, Maori
and Samoan), Chinese names with the most common surnames in running text and
no cue, Japanese names after greetings, Hangul addresses on other roads,
British and Irish house names with Eircodes, Gulf addresses of Kuwait, Qatar,
Oman and Bahrain without a postcode, HL7 segments of other shapes; templates
(mail headers, git logs, SQL inserts, YAML, Markdown tables, boarding passes,
prescriptions, enrolment forms, listings, police reports); look-alikes (places
and brands that start like names, Chinese words that start with a surname
character: 王国, 高兴, 周末, 张开, 黄金, 马上, ...).

  python3 bench/pii_gen_world4.py [--n 800] [--seed 601] > /tmp/w4.json
  python3 bench/pii_eval.py --only generated --generated /tmp/w4.json

Stdlib only; the output depends on --seed alone. Seeds 601 and 602 are the
held-out seeds: score them, do not read their errors to make rules.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n

NAMES = {
    'ie': (['Siobhán', 'Niamh', 'Cathal', 'Aoife', 'Dónal', 'Clodagh', 'Oisín', 'Saoirse'],
           ["O'Sullivan", 'Ó Briain', 'McCarthy', 'Gallagher', 'Doherty', 'Ní Mhaoláin',
            'Brennan']),
    'is': (['Sigríður', 'Guðmundur', 'Hrafnhildur', 'Þórir', 'Ragnheiður', 'Einar'],
           ['Jónsdóttir', 'Sigurðsson', 'Magnúsdóttir', 'Einarsson', 'Halldórsson']),
    'fi': (['Aino', 'Juhani', 'Tuula', 'Eero', 'Kaisa', 'Veikko', 'Pirjo'],
           ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Heikkinen', 'Koskinen']),
    'cz': (['Jiří', 'Zdeňka', 'Radek', 'Kateřina', 'Vojtěch', 'Božena'],
           ['Dvořák', 'Novotná', 'Procházka', 'Černý', 'Kučerová', 'Veselý']),
    'ro': (['Ioana', 'Mihai', 'Andreea', 'Bogdan', 'Cristina', 'Răzvan'],
           ['Popescu', 'Ionescu', 'Dumitrescu', 'Stoica', 'Munteanu', 'Constantinescu']),
    'pk': (['Bilal', 'Ayesha', 'Usman', 'Mahnoor', 'Hassan', 'Sana', 'Imran'],
           ['Qureshi', 'Chaudhry', 'Siddiqui', 'Butt', 'Malik', 'Awan']),
    'bd': (['Tahmina', 'Rafiqul', 'Nusrat', 'Sabbir', 'Farhana', 'Anisur'],
           ['Rahman', 'Hossain', 'Chowdhury', 'Akter', 'Islam', 'Sarkar']),
    'za': (['Thabo', 'Nomvula', 'Sipho', 'Lerato', 'Pieter', 'Anri'],
           ['Nkosi', 'Dlamini', 'Van der Merwe', 'Mokoena', 'Botha', 'Ndlovu']),
    'my': (['Nurul', 'Hafiz', 'Aisyah', 'Faizal', 'Syafiqah', 'Azlan'],
           ['Abdullah', 'Ismail', 'Razak', 'Yusof', 'Hamid', 'Osman']),
    'hk': (['Ka-ming', 'Wing-yan', 'Chi-keung', 'Mei-ling', 'Yi-ting', 'Chun-hao'],
           ['Chan', 'Wong', 'Leung', 'Cheung', 'Tsai', 'Hsu', 'Lin']),
    'pac': (['Aroha', 'Tane', 'Mere', 'Sione', 'Losa', 'Tavita'],
            ['Ngata', 'Te Rangi', 'Parata', 'Tuilagi', 'Leota', 'Fa\'asavalu']),
}
CULTURES = sorted(NAMES)
HAN_SUR = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱',
           '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '欧阳']
HAN_GIV = ['建华', '丽娟', '志强', '晓燕', '伟', '敏', '子涵', '雨桐', '浩然', '梦琪', '天佑',
           '静怡', '家豪', '若曦', '立新', '春梅', '博文', '欣怡', '磊', '婷']
KANJI = ['佐藤 健太', '鈴木美咲', '高橋 翔', '田中陽菜', '伊藤 大輔', '渡辺さくら', '山本 蓮',
         '中村結衣', '小林 颯太', '加藤 優奈', '山口 拓海', '松本 彩']
HANGUL = ['김서준', '이하윤', '박도윤', '최지아', '정시우', '강하린', '조은우', '윤서아']


def first(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][0])


def last(loc='any'):
    return pick(NAMES[pick(CULTURES) if loc == 'any' else loc][1])


def person(loc='any'):
    loc = pick(CULTURES) if loc == 'any' else loc
    f, l = first(loc), last(loc)
    if loc == 'hk' and rng.random() < 0.5:
        return '%s %s' % (l, f)  # surname first, as in Hong Kong and Taiwan
    if loc == 'my' and rng.random() < 0.5:
        return '%s %s %s' % (f, pick(['binti', 'bin']), l)
    return '%s %s' % (f, l)


def han():
    return pick(HAN_SUR) + pick(HAN_GIV)


# ---- phones ------------------------------------------------------------------
def phone():
    d = digits
    return pick(['+353 87 %s %s' % (d(3), d(4)), '(01) %s %s' % (d(3), d(4)),
                 '+354 %s %s' % (d(3), d(4)), '+358 40 %s %s' % (d(3), d(4)),
                 '+420 %s %s %s' % (d(3), d(3), d(3)), '+40 721 %s %s' % (d(3), d(3)),
                 '+92 300 %s' % d(7), '+880 17%s-%s' % (d(2), d(6)),
                 '+27 82 %s %s' % (d(3), d(4)), '+60 12-%s %s' % (d(3), d(4)),
                 '+852 %s %s' % (d(4), d(4)), '+886 912 %s %s' % (d(3), d(3)),
                 '+64 21 %s %s' % (d(3), d(4)), '+965 %s %s' % (d(4), d(4)),
                 '+974 %s %s' % (d(4), d(4)), '+1 (%d) %d-%s' % (n(201, 989), n(200, 999), d(4)),
                 '020 %s %s' % (d(4), d(4)), '+86 186 %s %s' % (d(4), d(4)),
                 '0%s-%s' % (d(3), d(7))])


def phone_cn():
    return pick(['13%s%s' % (digits(1), digits(8)), '+86 15%s %s %s' % (digits(1), digits(4),
                                                                         digits(4)),
                 '010-%s' % digits(8)])


def phone_jp():
    return pick(['090-%s-%s' % (digits(4), digits(4)), '03-%s-%s' % (digits(4), digits(4))])


# ---- addresses -----------------------------------------------------------------
def eircode():
    return '%s%s %s' % (pick(['D02', 'D04', 'T12', 'H91', 'V94', 'A94']), '',
                        pick('ACDEFHKNPRTVWXY') + digits(2) + pick('ACDEFHKNPRTVWXY'))


def ukpc():
    return '%s%d %d%s' % (pick(['OX', 'CB', 'EX', 'HR', 'SY', 'DL', 'IV', 'PL']), n(1, 29),
                          n(0, 9), ''.join(pick('ABDEFGHJLNPQRSTUWXYZ') for _ in range(2)))


def addr(ml=False):
    sep = '\n' if ml else ', '
    kind = pick(['ie', 'uk', 'uk', 'gulf', 'gulf', 'fi', 'cz', 'ro', 'pk', 'za', 'my', 'hk',
                 'nz', 'is'])
    if kind == 'ie':
        return pick(['%s%s%s' % (pick(['Glebe House', 'Ashgrove', 'The Paddocks', 'Hillcrest']),
                                 sep, pick(['Ballymore Eustace, Co. Kildare',
                                            'Kinsale, Co. Cork', 'Clifden, Co. Galway'])),
                     '%d %s%sDublin %d' % (n(1, 120), pick(['Pembroke Road', 'Harcourt Terrace',
                                                             'Synge Street']), sep, n(2, 8))]) \
            + sep + eircode()
    if kind == 'uk':
        return '%s%s%s%s%s' % (pick(['Hawthorn Cottage', 'The Coach House', 'Orchard End',
                                     'Old School House', 'Laurel Bank', 'The Granary']), sep,
                               pick(['Church Street', 'High Street', 'The Street', 'Mill Lane',
                                     'Chapel Row']), sep,
                               pick(['Woodstock', 'Grantchester', 'Ledbury', 'Much Wenlock',
                                     'Richmond'])) + sep + ukpc()
    if kind == 'gulf':
        return pick(['Block %d, Street %d, House %d%sSalmiya' % (n(1, 12), n(1, 40), n(1, 90),
                                                               sep),
                     'Building %d, Zone %d, Street %d%sDoha' % (n(1, 99), n(1, 90), n(100, 999),
                                                             sep),
                     'Way %d, House %d, Al Khuwair%sMuscat' % (n(1000, 4999), n(1, 900), sep),
                     'Flat %d, Building %d, Road %d, Block %d%sManama' % (
                         n(1, 40), n(1, 2999), n(1, 4999), n(100, 999), sep)])
    if kind == 'fi':
        return '%s %d %s %d%s%05d %s' % (pick(['Mannerheimintie', 'Hämeenkatu', 'Aleksanterinkatu']),
                                          n(1, 90), pick('ABC'), n(1, 30), sep, n(100, 99999),
                                          pick(['Helsinki', 'Tampere', 'Turku']))
    if kind == 'cz':
        return '%s %d/%d%s%03d %02d %s' % (pick(['Vinohradská', 'Národní', 'Dlouhá']),
                                            n(100, 2999), n(1, 99), sep, n(100, 799), n(0, 99),
                                            pick(['Praha 2', 'Brno', 'Olomouc']))
    if kind == 'ro':
        return 'Str. %s nr. %d, bl. %s, ap. %d%s%s' % (pick(['Lipscani', 'Mihai Eminescu',
                                                           'Victoriei']), n(1, 120),
                                                      pick(['A3', 'M12', 'C1']), n(1, 99), sep,
                                                      pick(['București 030167', 'Cluj-Napoca 400001',
                                                            'Iași 700259']))
    if kind == 'pk':
        return 'House %d, Street %d, %s%s%s' % (n(1, 999), n(1, 60),
                                               pick(['F-7/2', 'DHA Phase 5', 'Gulberg III']), sep,
                                               pick(['Islamabad', 'Lahore', 'Karachi 75500']))
    if kind == 'za':
        return '%d %s%s%s%s%04d' % (n(1, 400), pick(['Jan Smuts Avenue', 'Long Street',
                                                     'Voortrekker Road']), sep,
                                    pick(['Rosebank, Johannesburg', 'Cape Town City Centre',
                                          'Bellville, Cape Town']), sep, n(1000, 8099))
    if kind == 'my':
        return 'No. %d, Jalan %s %d%s%05d %s' % (n(1, 99), pick(['SS 2/24', 'Ampang', 'Tun Razak',
                                                                  'Bukit Bintang']), n(1, 20),
                                                  sep, n(10000, 99999),
                                                  pick(['Petaling Jaya, Selangor', 'Kuala Lumpur']))
    if kind == 'hk':
        return 'Flat %s, %d/F, %s, %d %s%s%s' % (pick('ABCDEFGH'), n(2, 40),
                                                  pick(['Tower 2', 'Block C', 'Wing On House']),
                                                  n(1, 300), pick(['Nathan Road', "Queen's Road East",
                                                                    'Hennessy Road']), sep,
                                                  pick(['Mong Kok, Kowloon', 'Wan Chai, Hong Kong']))
    if kind == 'nz':
        return '%d %s%s%s%s%04d' % (n(1, 300), pick(['Karangahape Road', 'Cuba Street',
                                                     'Ponsonby Road']), sep,
                                    pick(['Auckland', 'Wellington', 'Grey Lynn, Auckland']), sep,
                                    n(600, 6999))
    return '%s %d%s%03d %s' % (pick(['Laugavegur', 'Skólavörðustígur', 'Hverfisgata']),
                               n(1, 120), sep, n(101, 900), pick(['Reykjavík', 'Kópavogur']))


def addr_hangul():
    return '%s %s %d%s' % (pick(['서울특별시 종로구', '인천광역시 연수구', '대구광역시 수성구',
                                 '경기도 수원시 영통구', '광주광역시 서구']),
                           pick(['세종대로', '컨벤시아대로', '달구벌대로', '광교중앙로', '상무대로',
                                 '율곡로']), n(1, 500),
                           pick(['', ' %d층' % n(2, 20), ', %d동 %d호' % (n(101, 130),
                                                                        n(101, 1802))]))


def addr_zh():
    return '%s%s%d号%s' % (pick(['北京市朝阳区', '上海市浦东新区', '广州市天河区', '成都市武侯区',
                                 '杭州市西湖区']),
                           pick(['建国路', '世纪大道', '天河北路', '人民南路', '文三路']), n(1, 999),
                           pick(['', '%d室' % n(101, 2808), '%d栋%d单元' % (n(1, 30), n(1, 6))]))


def date(fmt='any', years=(1940, 2008)):
    y, m, d = n(*years), n(1, 12), n(1, 28)
    fmt = pick(['dmy', 'iso', 'dot', 'en', 'mdy']) if fmt == 'any' else fmt
    return {'dmy': '%02d/%02d/%04d' % (d, m, y), 'mdy': '%02d/%02d/%04d' % (m, d, y),
            'iso': '%04d-%02d-%02d' % (y, m, d), 'dot': '%d.%d.%04d' % (d, m, y),
            'en': '%d %s %d' % (d, w.MONTHS_EN[m - 1], y), 'compact': '%04d%02d%02d' % (y, m, d),
            'zh': '%d年%d月%d日' % (y, m, d), 'hl7': '%04d%02d%02d%02d%02d' % (y, m, d, n(0, 23),
                                                                            n(0, 59))}[fmt]


def passport():
    return pick(['P%s' % digits(7), pick(['PA', 'PB', 'LF']) + digits(7),
                 pick('ABCDEFGHJKLMNPRSTUVWXYZ') + pick('ABCDEFGHJKLMNPRSTUVWXYZ') + digits(7),
                 digits(8), pick('EK') + digits(8), 'A' + digits(8)])


TYPED = dict(w.TYPED)
TYPED.update({
    'person': ('person', 'PERSON', person), 'first': ('person', 'PERSON', first),
    'last': ('person', 'PERSON', last), 'han': ('person', 'PERSON', lambda _=None: han()),
    'kanji': ('person', 'PERSON', lambda _=None: pick(KANJI)),
    'hangul': ('person', 'PERSON', lambda _=None: pick(HANGUL)),
    'phone': ('phone', 'PHONE_NUMBER', lambda _=None: phone()),
    'phonecn': ('phone', 'PHONE_NUMBER', lambda _=None: phone_cn()),
    'phonejp': ('phone', 'PHONE_NUMBER', lambda _=None: phone_jp()),
    'address': ('street_address', 'STREET_ADDRESS', lambda _=None: addr()),
    'envelope': ('street_address', 'STREET_ADDRESS', lambda _=None: addr(True)),
    'addrko': ('street_address', 'STREET_ADDRESS', lambda _=None: addr_hangul()),
    'addrzh': ('street_address', 'STREET_ADDRESS', lambda _=None: addr_zh()),
    'dob': ('date_of_birth', 'DATE_OF_BIRTH', lambda fmt='any': date(fmt)),
    'passport': ('passport', 'PASSPORT', lambda _=None: passport()),
})

LOOK = dict(w.LOOK)
LOOK.update({
    'place': lambda: pick(['Santa Monica', 'Lake Como', 'Mount Fuji', 'San Diego', 'St. Louis',
                           'Fort Worth', 'Port Louis', 'Cape Town', 'Santa Cruz', 'Lake Tahoe',
                           'Mount Rainier', 'San Sebastián', 'St. Moritz', 'Fort Lauderdale',
                           'Glen Coe', 'Loch Ness', 'Rio Grande', 'Costa Rica']),
    'brand': lambda: pick(["Papa John's", 'Aunt Jemima', "Wendy's", 'Dr. Oetker', 'Mrs. Fields',
                           'Krispy Kreme', 'Jack Wolfskin', 'Mr. Kipling', "Auntie Anne's",
                           'Lady Gaga Tour', 'Captain Morgan', 'Johnnie Walker', 'Sir Kensington',
                           'Father Ted']),
    'odate': lambda: date(pick(['dmy', 'iso', 'en']), (2016, 2026)),
    'flight': lambda: '%s%d' % (pick(['EI', 'FI', 'AY', 'QR', 'EK', 'CX', 'NZ']), n(10, 999)),
    'seat': lambda: '%d%s' % (n(1, 45), pick('ABCDEF')),
    'rx': lambda: 'RX-%d' % n(100000, 999999),
    'zhlook': lambda: pick(['王国', '高兴', '周末', '张开', '黄金', '马上', '林业', '陈列', '许多',
                            '程序', '方便', '安全', '文件', '谢谢', '高速', '朱红', '胡说', '何况',
                            '孙悟空', '郭外', '唐朝', '宋体', '韩国', '梁上', '罗马', '杨柳']),
    'jaword': lambda: pick(['東京', '大阪', '新宿', '会議室', '田中町', '山本屋', '中村橋', '高橋駅']),
})

TEMPLATES = [
    # mail and developer artefacts
    'From: "<<person>>" <<<email>>>\nTo: <<person>> <<<email>>>\nSubject: flat viewing at '
    '<<address>>',
    "commit <<sha1>>\nAuthor: <<person>> <<<email>>>\nDate:   <<odate>>\n\n    fix typo in "
    "README",
    "INSERT INTO customers (name, phone, dob) VALUES ('<<person>>', '<<phone>>', '<<dob.iso>>');",
    "contact:\n  name: <<person>>\n  phone: \"<<phone>>\"\n  address: \"<<address>>\"",
    "| Name | Phone | Passport |\n|---|---|---|\n| <<person>> | <<phone>> | <<passport>> |",
    "BOARDING PASS  <<person.upper>>  FLIGHT <<flight>>  SEAT <<seat>>  PASSPORT <<passport>>",
    "Rx <<rx>> for <<person>> (DOB <<dob.dmy>>): amoxicillin 500 mg; prescriber Dr <<last>>.",
    "Pupil: <<first>> <<last>>\nDate of birth: <<dob.en>>\nParent/guardian: <<person>>\n"
    "Home address: <<envelope>>",
    "For sale: 3-bed cottage, <<address>>. Viewings via <<first>> on <<phone>>.",
    "Incident report: complainant <<person>> (born <<dob.dot>>) of <<address>> reported a "
    "stolen bicycle.",
    "PID|||<<qty>>^^^HOSP||<<last.upper>>^<<first.upper>>||<<dob.hl7>>|M|||<<envelope>>",
    "Patient: <<last>>, <<first>>   MRN <<qty>>   <<dob.mdy>>   Ward 4B",
    # bare given names and running text
    "<<first>> will pick up the keys from <<first>> after lunch.",
    "Thanks <<first>>! I'll forward it to <<first>> and <<first>>.",
    "Can <<first>> cover my shift on <<odate>>? <<first>> is off sick.",
    "Sorry, <<first>> here — my number changed to <<phone>>.",
    "<<person>> from accounts says the refund for <<invoice>> went out on <<odate>>.",
    "Please welcome <<person>>, who joins the Auckland team next week.",
    "Send the signed copy to <<person>>, <<envelope>>",
    "Kuwait office: <<address>>. Ask for <<person>>.",
    # Chinese, Japanese, Korean running text
    "昨天<<han>>打电话说下周不来了。",
    "我和<<han>>一起去了图书馆，然后<<han>>回家了。",
    "<<han>>说这份合同还要再改一下。",
    "这件事<<han>>已经知道了，你问问<<han>>吧。",
    "<<han>>的手机号是<<phonecn>>，地址是<<addrzh>>。",
    "收货地址：<<addrzh>>，联系电话<<phonecn>>",
    "感谢<<han>>老师的帮助！",
    "はじめまして、<<kanji>>と申します。よろしくお願いします。",
    "こんにちは、<<kanji>>です。電話番号は<<phonejp>>です。",
    "昨日<<kanji>>さんと会議をしました。",
    "안녕하세요. <<hangul>>입니다. 주소는 <<addrko>>입니다.",
    "배송지: <<addrko>> (<<hangul>> 님)",
    # other languages
    "A Dhaoine uaisle, is mise <<person.ie>> agus tá cónaí orm ag <<address>>.",
    "Dobrý den, jmenuji se <<person.cz>>, narozen <<dob.dot>>.",
    "Bună ziua, numele meu este <<person.ro>> și locuiesc pe <<address>>.",
    "Hei! Olen <<person.fi>> ja puhelinnumeroni on <<phone>>.",
    "Assalam o alaikum, main <<person.pk>> hoon, mera passport number <<passport>> hai.",
    "Sawubona, igama lami ngu <<person.za>>. Call me on <<phone>>.",
    "Selamat pagi, saya <<person.my>>. Alamat saya <<address>>.",
    "Kia ora <<first.pac>>, your parcel is at <<address>>.",
]
LOOKALIKES = [
    "We drove from <<place>> to <<place>> and stopped at <<brand>> for breakfast.",
    "<<brand>> opens a new shop near <<place>> on <<odate>>.",
    "Flight <<flight>> to <<place>> leaves at <<time>>; booking <<order>>.",
    "今天<<zhlook>>，大家都很<<zhlook>>。",
    "这个<<zhlook>>的<<zhlook>>需要<<zhlook>>处理。",
    "会议在<<jaword>>で<<time>>から始まります。",
    "Issued: <<odate>>  Valid until: <<odate>>  Office: <<place>>",
    "Invoice <<invoice>> — <<brand>> catering, due <<odate>>, total <<price>>.",
    "Build <<version>> deployed to <<place>> region on <<odate>> (<<gitsha>>).",
    "Our <<place>> branch celebrates its birthday on <<odate>>!",
]


def record():
    t = pick(LOOKALIKES if rng.random() < 0.2 else TEMPLATES)
    if '<<time>>' in t:
        t = t.replace('<<time>>', '%02d:%02d' % (n(0, 23), n(0, 59)))
    return w.fill(t, TYPED, LOOK)


def main():
    w.write_set(record, 601, __doc__)


if __name__ == '__main__':
    main()
