#!/usr/bin/env python3
"""A held-out PII set in Chinese: Simplified and Traditional text from the
mainland, Taiwan, Hong Kong, Macau and Singapore, every kind the scanner
reports, written before the scanner ran on it.

Set a (--set a, seeds 1301/1302) holds:
- people: names after 姓名/我叫/联系人/收件人/本人/患者/申请人, compound
  surnames (欧阳, 司马, 诸葛, 上官, 司徒, 欧阳 in Traditional 歐陽), names in
  running text and in news with public figures, names with titles
  (张伟先生, 李女士 by the surname alone, 王经理, 陈医生, 刘老师), Traditional
  names of Taiwan and Hong Kong, Cantonese, Wade-Giles and Singaporean
  romanisations (Chan Tai Man, Lin Chih-ming, Tan Ah Kow), English given
  names before a Chinese family name (Kevin Zhang);
- phones: mainland mobiles in 3-4-4 groups, glued, with +86/0086, landlines
  with area codes in parentheses or after a dash and 转/分机 extensions,
  full-width digits and punctuation (＋８６ １３８－…), Hong Kong (+852),
  Macau (+853), Taiwan (+886, 09xx-xxx-xxx, (02)2345-6789) and Singapore
  (+65) numbers;
- resident ids (18 digits, X, in 6-8-4 groups; no 15-digit legacy id),
  passports (E/EA/G + digits, Hong Kong K/H, Macau MA, Taiwan's 9 digits),
  birth dates (1990年1月2日, 1990-01-02, 1990/1/2, 1990.01.02, 民国/民國
  years, Chinese numerals, 生于, 出生日期, 生日, 出生年月),
  addresses (省/市/区/县/镇/村, 路/街/道/大道, 号/弄/巷/栋/幢/单元/室,
  Taiwan's 段/巷/弄/樓, Hong Kong's 邨/苑/大廈/座/樓/室 and Flat/Block,
  Macau's 大馬路, Singapore's Blk … #05-67), UnionPay and other cards
  (Luhn), e-mail and IP addresses glued to Chinese text, secrets after
  密码/密碼/密钥/令牌/口令/WiFi密码;
- templates: WeChat and forum chat, e-commerce orders, HR forms, hospital
  records, government notices, bank SMS, courier notes, news, resumes,
  Hong Kong and Taiwan text, JSON and CSV exports, mixed Chinese-English
  office mail;
- look-alikes: order, tracking, invoice and waybill numbers, amounts and
  prices (¥1,299.00, 1299元), 尾号1234, verification codes (验证码
  123456), service numbers (95588, 400-820-8820 as a company hotline is
  left out: a judge may label it), unified social credit codes, product
  models, dates that are no birth dates, words that start with a surname
  (高兴, 马上, 余额, 万元, 黄金周, 张家界, 付款, 金额, 钟表, 林业).

Set b (--set b, seeds 1311/1312) was written after the rules for set a,
before the scanner ran on it: meeting minutes and e-mail headers (参会人员,
抄送, 发件人), letters signed 此致 敬礼, signatures after ——, names before 说
and 觉得, Cantonese 我叫做/佢叫/住喺, drivers (X师傅), couriers, train
tickets, hotel check-in, insurance, court judgements (原告/被告), rental
contracts, student lists, JSON with realName/idCard, appointment slips,
English forms with a Chinese name in parentheses; surnames less common in
set a (邝 冼 岑 欧 ...), given names of everyday life (大锤, 铁柱, 金花), other
public figures; phones with dots, (0)21, ext and Taiwan's (04); addresses in
software parks, residential compounds (3栋2单元1502), Taiwan's 樓之3, Hong
Kong's Room/F/Tower, Macau's 廣場, villages of Yunnan and Gansu; birth dates
with 号 and dots; look-alikes: metro lines and exits (2号线, 3号门), pick-up
codes, stock codes, flights, trains and seats, QQ groups, student numbers,
licence plates, a law's date of effect, words that start with a surname.

  python3 bench/pii_gen_zh.py [--set a|b] [--n 800] [--seed 1301] > /tmp/zh.json
  python3 bench/pii_eval.py --only generated --generated /tmp/zh.json

Stdlib only; the output depends on --set and --seed alone. Seeds 1301 and
1302 (set a), 1311 and 1312 (set b) are held out; their first contact is
recorded in docs/pii.md. Seed 1301's and 1311's errors may be read after the
first contact; 1302's and 1312's are never read.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pii_gen_world as w  # noqa: E402

rng = w.rng
pick, digits, n = w.pick, w.digits, w.n
SET = 'a'

# ---- names (written for this generator) --------------------------------------
SUR_CN = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'
              '蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹'
              '薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易'
              '乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单'
              '季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农'
              '司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬'
              '边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝')
SUR_COMPOUND = ['欧阳', '司马', '诸葛', '上官', '司徒', '东方', '皇甫', '尉迟', '慕容', '令狐',
                '夏侯', '公孙', '端木', '长孙', '宇文']
GIV_CN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '超', '鹏', '辉',
          '秀兰', '桂英', '建国', '志强', '海燕', '晓东', '丽娟', '文博', '子豪', '思琪',
          '梓萱', '一诺', '浩宇', '欣妍', '宇轩', '雨萱', '俊熙', '紫涵', '明哲', '春生',
          '红梅', '国庆', '德明', '玉兰', '金凤', '永刚', '立新', '佳怡', '嘉懿', '沐阳',
          '若曦', '书瑶', '天佑', '冬梅', '瑞', '鑫', '琳', '凯', '晨', '昕', '悦', '锐']
SUR_TW = list('陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡'
              '施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董唐藍石蔣古紀姚連馮歐程湯')
SUR_TW_COMPOUND = ['歐陽', '司馬', '諸葛', '上官', '司徒']
GIV_TW = ['怡君', '雅婷', '志明', '俊傑', '家豪', '淑芬', '美玲', '建宏', '宗翰', '冠宇', '詩涵',
          '嘉欣', '詠詩', '偉強', '子軒', '承恩', '宥廷', '品妍', '柏翰', '佩珊', '麗華', '國華',
          '文雄', '惠玲', '思妤', '家瑋', '凱婷', '志偉', '秀鳳', '健明']
ROMAN = {
    'hk': (['Tai Man', 'Siu Ming', 'Ka Yan', 'Wing Sze', 'Chi Wai', 'Ka Ho', 'Mei Ling',
            'Hoi Yan', 'Kwok Keung', 'Suet Ying'],
           ['Chan', 'Wong', 'Cheung', 'Lau', 'Leung', 'Lee', 'Ho', 'Ng', 'Kwok', 'Tsang', 'Yeung',
            'Chow', 'Fung', 'Tse', 'Lam', 'Yip', 'Mak', 'Tam']),
    'tw': (['Chih-ming', 'Shu-fen', 'Mei-ling', 'Chun-chieh', 'Ya-ting', 'Kuan-yu', 'Yi-chun',
            'Tsung-han', 'Hsiao-wen', 'Chia-hao'],
           ['Lin', 'Chen', 'Huang', 'Chang', 'Tsai', 'Hsu', 'Cheng', 'Hsieh', 'Kuo', 'Hung',
            'Tseng', 'Chiu', 'Liao', 'Lai', 'Chou', 'Yeh']),
    'sg': (['Ah Kow', 'Bee Hoon', 'Wei Ling', 'Kok Leong', 'Siew Lan', 'Boon Huat', 'Mei Xuan',
            'Jun Jie', 'Hui Min', 'Chee Keong'],
           ['Tan', 'Lim', 'Ng', 'Goh', 'Teo', 'Ong', 'Koh', 'Chua', 'Sim', 'Seah', 'Toh', 'Yeo',
            'Heng', 'Quek', 'Phua']),
    'cn': (['Wei', 'Xiaoming', 'Yutong', 'Haoran', 'Jianguo', 'Xinyi', 'Zhiqiang', 'Lihua',
            'Yufei', 'Jingjing', 'Zixuan', 'Mingzhe'],
           ['Zhang', 'Wang', 'Li', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu',
            'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'Ouyang', 'Sima']),
}
ENGLISH_GIVEN = ['Kevin', 'Grace', 'Eric', 'Vivian', 'Jason', 'Cindy', 'Tony', 'Iris', 'Derek',
                 'Joyce', 'Ryan', 'Angela', 'Calvin', 'Winnie', 'Alvin', 'Sharon']
PUBLIC = ['习近平', '李强', '马云', '马化腾', '任正非', '雷军', '刘德华', '周杰伦', '姚明', '郎平',
          '张艺谋', '屠呦呦', '袁隆平', '钟南山', '李嘉诚', '莫言', '杨振宁', '谷爱凌', '苏炳添',
          '王毅', '董明珠', '刘慈欣']
PUBLIC_TW = ['蔡英文', '賴清德', '張忠謀', '林書豪', '周杰倫', '李安', '侯友宜', '黃仁勳']


def han(loc='cn'):
    """A Chinese name in Han characters: Simplified (cn) or Traditional (tw,
    hk); compound surnames now and then."""
    if loc in ('tw', 'hk'):
        sur = pick(SUR_TW_COMPOUND) if rng.random() < 0.07 else pick(SUR_TW)
        return sur + pick(GIV_TW)
    if loc == 'compound':
        return pick(SUR_COMPOUND) + pick(GIV_CN)
    sur = pick(SUR_COMPOUND) if rng.random() < 0.07 else pick(SUR_CN)
    return sur + pick(GIV_CN)


def roman(loc='cn'):
    """A romanised Chinese name: family name first (hk, tw, sg, pinyin) or an
    English given name first (Kevin Zhang, Karen Wong Ka-yan)."""
    if loc == 'any':
        loc = pick(['hk', 'tw', 'sg', 'cn'])
    if loc == 'eng':
        return '%s %s' % (pick(ENGLISH_GIVEN), pick(ROMAN['cn'][1] + ROMAN['hk'][1]))
    giv, sur = ROMAN[loc]
    g, s = pick(giv), pick(sur)
    form = rng.random()
    if loc == 'hk' and form < 0.3:
        return '%s %s %s' % (pick(ENGLISH_GIVEN), s, g.replace(' ', '-'))
    if loc == 'hk' and form < 0.45:
        return '%s, %s' % (s.upper(), g)
    if loc == 'cn' and form < 0.5:
        return '%s %s' % (g, s)
    return '%s %s' % (s, g)


def surname(loc='cn'):
    return pick(SUR_TW) if loc in ('tw', 'hk') else pick(SUR_CN)


def public(loc='cn'):
    return pick(PUBLIC_TW if loc == 'tw' else PUBLIC)


# ---- phones --------------------------------------------------------------------
FW = {c: chr(ord(c) + 0xFEE0) for c in '0123456789+-()'}


def fullwidth(s):
    return ''.join(FW.get(c, c) for c in s)


def cn_mobile():
    return pick(['13', '15', '18', '17', '19', '14', '16']) + str(n(0, 9)) + digits(8)


def phone(loc='cn'):
    if loc == 'cn':
        m = cn_mobile()
        area = pick(['010', '021', '020', '0755', '0571', '028', '027', '025', '0532', '0731',
                     '023', '0898'])
        line = digits(8) if len(area) == 3 else pick([digits(8), digits(7)])
        return pick([m, '%s %s %s' % (m[:3], m[3:7], m[7:]), '%s-%s-%s' % (m[:3], m[3:7], m[7:]),
                     '+86 %s' % m, '+86 %s %s %s' % (m[:3], m[3:7], m[7:]), '+86-%s' % m,
                     '0086 %s' % m, '(+86) %s' % m, '+86' + m,
                     '%s-%s' % (area, line), '(%s) %s' % (area, line),
                     '（%s）%s' % (area, line), '%s %s %s' % (area, line[:4], line[4:]),
                     '+86 %s %s' % (area[1:], line), '+86-%s-%s' % (area[1:], line)])
    if loc == 'ext':
        area = pick(['010', '021', '0755', '0571', '0512'])
        return '%s-%s%s' % (area, digits(8), pick(['转', '-', ' 转 ', '分机', ' ext. ']) + digits(
            pick([3, 4])))
    if loc == 'fw':  # typed with a Chinese input method: full-width
        m = cn_mobile()
        return fullwidth(pick([m, '+86 %s-%s-%s' % (m[:3], m[3:7], m[7:]),
                               '%s-%s-%s' % (m[:3], m[3:7], m[7:])]))
    if loc == 'hk':
        m = pick('5679') + digits(7)
        fixed = pick('23') + digits(7)
        return pick(['+852 %s %s' % (m[:4], m[4:]), '%s %s' % (m[:4], m[4:]), '(852) %s' % m,
                     '+852-%s' % fixed, '%s %s' % (fixed[:4], fixed[4:]), '852-%s-%s' % (m[:4], m[4:])])
    if loc == 'mo':
        m = '6' + pick('2356') + digits(6)
        return pick(['+853 %s %s' % (m[:4], m[4:]), '(853) %s' % m, '+853-28%s' % digits(6),
                     '%s %s' % (m[:4], m[4:])])
    if loc == 'tw':
        m = '09' + digits(8)
        area = pick(['02', '03', '04', '06', '07'])
        line = digits(8) if area == '02' else digits(7)
        return pick(['%s-%s-%s' % (m[:4], m[4:7], m[7:]), m, '+886 %s %s %s' % (m[1:4], m[4:7], m[7:]),
                     '+886-%s' % m[1:], '(%s)%s-%s' % (area, line[:-4], line[-4:]),
                     '%s-%s-%s' % (area, line[:-4], line[-4:]), '+886-%s-%s' % (area[1:], line)])
    if loc == 'sg':
        m = pick('89') + digits(7)
        return pick(['+65 %s %s' % (m[:4], m[4:]), '%s %s' % (m[:4], m[4:]), '+65-6%s' % digits(7),
                     '(65) %s' % m])
    return phone(pick(['cn', 'cn', 'hk', 'tw', 'mo', 'sg']))


# ---- ids, passports, dates, cards ------------------------------------------------
CN_AREAS = ['110105', '110108', '310101', '310115', '320106', '330102', '330106', '340104',
            '350203', '370102', '410105', '420111', '430104', '440103', '440304', '440606',
            '450103', '500105', '510104', '520102', '530102', '610104', '620102', '650102',
            '210202', '230103', '130104', '140105', '360102', '460105']


def cnid(form='plain'):
    y, m, d = n(1945, 2006), n(1, 12), n(1, 28)
    body = '%s%04d%02d%02d%s' % (pick(CN_AREAS), y, m, d, digits(3))
    v = body + w.checks.cn_id_check(body)
    if form == 'group' or (form == 'plain' and rng.random() < 0.15):
        return '%s %s %s' % (v[:6], v[6:14], v[14:])
    if form == 'lower':
        return v.lower()
    return v


def passport(loc='cn'):
    if loc == 'cn':
        return pick(['E' + digits(8), 'E' + pick('ABCDEFGH') + digits(7), 'G' + digits(8),
                     'P' + digits(7), 'S' + digits(8)])
    if loc == 'hk':
        return pick('KH') + digits(8)
    if loc == 'mo':
        return 'MA' + digits(7)
    if loc == 'tw':
        return '3' + digits(8)
    return passport(pick(['cn', 'cn', 'hk', 'mo', 'tw']))


CN_NUM = '〇一二三四五六七八九'


def cn_numeral_year(y):
    return ''.join(CN_NUM[int(c)] for c in str(y))


def cn_numeral_small(k):
    if k < 10:
        return CN_NUM[k]
    if k == 10:
        return '十'
    if k < 20:
        return '十' + CN_NUM[k - 10]
    return CN_NUM[k // 10] + '十' + (CN_NUM[k % 10] if k % 10 else '')


def dob(fmt='any'):
    y, m, d = n(1940, 2008), n(1, 12), n(1, 28)
    forms = {
        'zh': '%d年%d月%d日' % (y, m, d), 'zh0': '%d年%02d月%02d日' % (y, m, d),
        'iso': '%d-%02d-%02d' % (y, m, d), 'slash': '%d/%d/%d' % (y, m, d),
        'dot': '%d.%02d.%02d' % (y, m, d), 'ym': '%d年%d月' % (y, m),
        'roc': '民國%d年%d月%d日' % (y - 1911, m, d) if y > 1911 else '%d年%d月%d日' % (y, m, d),
        'roc_s': '民国%d年%d月%d日' % (y - 1911, m, d),
        'numeral': '%s年%s月%s日' % (cn_numeral_year(y), cn_numeral_small(m), cn_numeral_small(d)),
        'hk': '%02d/%02d/%d' % (d, m, y), 'compact': '%d%02d%02d' % (y, m, d),
    }
    if fmt == 'any':
        fmt = pick(['zh', 'zh', 'zh0', 'iso', 'slash', 'dot', 'numeral'])
    return forms[fmt]


def card(kind='any'):
    if kind == 'any':
        kind = pick(['up', 'up', 'up', 'visa', 'mc'])
    if kind == 'up':
        prefix = pick(['6222', '6217', '6228', '6212', '6225', '6214', '6226', '6230', '6259',
                       '6282'])
        length = pick([16, 16, 19])
    else:
        prefix, length = {'visa': ('4', 16), 'mc': (str(n(51, 55)), 16)}[kind]
    num = w.checks.luhn_complete(prefix + digits(length - 1 - len(prefix)))
    style = rng.random()
    if style < 0.4:
        return num
    return ' '.join(num[k:k + 4] for k in range(0, length, 4))


def email(loc='cn'):
    local = pick(['zhangwei', 'wang.lei', 'liuyang88', 'chenjing_sh', 'li.na', 'xiaoming2008',
                  'huang.mei', 'tsai.yiting', 'chan.taiman', 'kevin.zhang', 'grace.lin',
                  'tan.weiling', 'zhao_hr', 'sunny1990', 'qq' + digits(3)])
    if rng.random() < 0.3:
        local = digits(n(8, 10))  # a QQ number as a mailbox
        return '%s@qq.com' % local
    dom = pick(['163.com', '126.com', 'qq.com', 'sina.com', 'foxmail.com', 'aliyun.com',
                'gmail.com', 'yahoo.com.tw', 'hotmail.com.hk', 'netvigator.com',
                'sjtu.edu.cn', 'pku.edu.cn', 'ntu.edu.tw', 'huawei.com', 'company.com.cn',
                'singnet.com.sg'])
    return '%s@%s' % (local, dom)


def ip(_=None):
    return w.ipv4() if rng.random() < 0.8 else w.ipv6()


# ---- addresses -------------------------------------------------------------------
CN_CITIES = [('北京市', ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '通州区']),
             ('上海市', ['浦东新区', '徐汇区', '静安区', '黄浦区', '闵行区', '长宁区']),
             ('广东省广州市', ['天河区', '越秀区', '海珠区', '番禺区']),
             ('广东省深圳市', ['南山区', '福田区', '宝安区', '龙岗区']),
             ('浙江省杭州市', ['西湖区', '余杭区', '滨江区', '拱墅区']),
             ('四川省成都市', ['武侯区', '锦江区', '高新区', '青羊区']),
             ('湖北省武汉市', ['洪山区', '江汉区', '武昌区']),
             ('江苏省南京市', ['鼓楼区', '玄武区', '江宁区']),
             ('重庆市', ['渝中区', '江北区', '沙坪坝区']),
             ('天津市', ['和平区', '南开区', '河西区']),
             ('山东省青岛市', ['市南区', '崂山区', '黄岛区']),
             ('陕西省西安市', ['雁塔区', '碑林区', '未央区'])]
CN_ROADS = ['建国路', '中山路', '人民路', '解放大道', '科技园南路', '文一西路', '淮海中路',
            '长安街', '南京东路', '天府大道北段', '珞喻路', '东风路', '学院路', '滨江大道',
            '五四路', '和平里东街', '金桥路', '高新南七道', '芙蓉路', '新华街']
CN_ESTATES = ['阳光花园', '万科城', '碧桂园', '金色家园', '翠苑小区', '华府名邸', '星河湾',
              '绿地世纪城', '龙湖春江郦城', '保利花园']


def addr_cn():
    prov, districts = pick(CN_CITIES)
    dist = pick(districts)
    road = pick(CN_ROADS)
    no = n(1, 999)
    unit = pick(['', '%d号楼%d单元%d室' % (n(1, 30), n(1, 6), n(101, 2802)),
                 '%s%d栋%d室' % (pick(CN_ESTATES), n(1, 40), n(101, 3302)),
                 '%d幢%d室' % (n(1, 20), n(101, 1806)), '%d楼' % n(2, 30),
                 'A座%d室' % n(101, 2808)])
    form = rng.random()
    if form < 0.15:  # a lane in Shanghai
        return '上海市%s%s%d弄%d号%d室' % (pick(CN_CITIES[1][1]), pick(['愚园路', '复兴西路',
                                                                  '武康路', '长乐路']),
                                    n(1, 1500), n(1, 90), n(101, 602))
    if form < 0.25:  # a county town and a village
        return '%s%s%s%s村%d组%d号' % (pick(['河南省', '湖南省', '安徽省', '江西省']),
                                   pick(['信阳市', '衡阳市', '阜阳市', '赣州市']),
                                   pick(['固始县', '祁东县', '临泉县', '于都县']),
                                   pick(['城关镇', '白塔镇', '黄岗乡']) + pick(['李家', '新民', '红星']),
                                   n(1, 12), n(1, 99))
    if form < 0.4:  # without the province and the city
        return '%s%s%d号%s' % (dist, road, no, unit)
    return '%s%s%s%d号%s' % (prov, dist, road, no, unit)


def addr_tw():
    city = pick(['臺北市大安區', '台北市信義區', '新北市板橋區', '臺中市西屯區', '高雄市前鎮區',
                 '台南市東區', '桃園市中壢區', '新竹市東區'])
    road = pick(['忠孝東路', '信義路', '中山北路', '民生東路', '文心路', '中華路', '復興南路',
                 '光復路'])
    sec = pick(['', '一段', '二段', '三段', '四段', '五段'])
    lane = pick(['', '%d巷' % n(1, 300), '%d巷%d弄' % (n(1, 300), n(1, 30))])
    floor = pick(['', '%d樓' % n(2, 20), '%d樓之%d' % (n(2, 20), n(1, 5)), '%dF' % n(2, 15)])
    zip_ = pick(['', '%d' % n(100, 999), '%d' % n(10000, 99999)])
    return '%s%s%s%s%s%d號%s' % (zip_, city, road, sec, lane, n(1, 400), floor)


def addr_hk():
    form = rng.random()
    if form < 0.35:  # a public housing estate: 邨, 樓 (block), 室
        return '%s%s%s%d樓%d室' % (pick(['新界沙田', '九龍觀塘', '新界屯門', '香港柴灣', '九龍黃大仙']),
                               pick(['禾輋邨', '秀茂坪邨', '友愛邨', '興華邨', '彩虹邨']),
                               pick(['豐盛樓', '秀明樓', '愛德樓', '興翠樓', '金碧樓']),
                               n(2, 35), n(1, 30))
    if form < 0.6:  # a private estate: 苑, 座
        return '%s%s%s座%d樓%s室' % (pick(['香港鰂魚涌', '九龍紅磡', '新界將軍澳', '香港薄扶林']),
                                 pick(['太古城', '黃埔花園', '將軍澳中心', '置富花園']),
                                 pick('ABCDEFGH') if rng.random() < 0.5 else str(n(1, 12)),
                                 n(2, 40), pick('ABCDEFGH'))
    if form < 0.85:  # street, number, building, floor and flat
        return '%s%s%d號%s%d樓%s室' % (pick(['香港', '九龍', '']), pick(['彌敦道', '軒尼詩道',
                                                                     '皇后大道中', '英皇道',
                                                                     '德輔道中', '廣東道']),
                                    n(1, 900), pick(['', '華懋大廈', '海富中心', '新世紀廣場']),
                                    n(2, 40), pick('ABCDEFGH'))
    return 'Flat %s, %d/F, Block %d, %s, %s' % (pick('ABCDEFGH'), n(2, 40), n(1, 12),
                                               pick(['Kwai Chung Estate', 'Lei Muk Shue Estate',
                                                     'Taikoo Shing', 'City Garden']),
                                               pick(['Kwai Chung, N.T.', 'Tsuen Wan', 'Quarry Bay',
                                                     'North Point, Hong Kong']))


def addr_mo():
    return '%s%s%d號%s%d樓%s' % (pick(['澳門', '澳門氹仔', '']), pick(['新馬路', '高士德大馬路',
                                                                  '友誼大馬路', '提督馬路']),
                              n(1, 300), pick(['', '金龍大廈', '海景花園']), n(2, 30), pick('ABCDEF'))


def addr_sg():
    return pick(['Blk %d Ang Mo Kio Ave %d #%02d-%02d Singapore %06d' % (
        n(100, 700), n(1, 10), n(2, 20), n(1, 120), n(100000, 829999)),
        '新加坡宏茂桥%d道%d座#%02d-%02d' % (n(1, 10), n(100, 700), n(2, 20), n(1, 120)),
        '%d Tampines Street %d, #%02d-%03d, Singapore %06d' % (n(100, 900), n(11, 99), n(2, 16),
                                                             n(1, 500), n(500000, 529999))])


def address(loc='cn'):
    if loc == 'any':
        loc = pick(['cn', 'cn', 'cn', 'tw', 'hk', 'mo', 'sg'])
    return {'cn': addr_cn, 'tw': addr_tw, 'hk': addr_hk, 'mo': addr_mo, 'sg': addr_sg}[loc]()


# ---- secrets -----------------------------------------------------------------------
def secret(kind='any'):
    if kind == 'any':
        kind = pick(['pw', 'pw', 'key', 'token'])
    if kind == 'pw':
        return pick(['Abc@%s' % digits(6), 'qwe%s!@#' % digits(3), 'Zhang%s#' % digits(4),
                     'P@ssw0rd_%s' % digits(2), 'wx%s.%s' % (digits(4), pick(['Ab', 'Kz', 'Qm'])),
                     'Huawei@%s' % digits(3), 'Sh%s$2024' % digits(3), 'iLove%s!' % digits(4),
                     'Tp-%s-xQ' % digits(5)])
    if kind == 'key':
        return pick(['sk-' + ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789')
                                     for _ in range(48)),
                     'LTAI' + ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789')
                                      for _ in range(20)),
                     'AKID' + ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789')
                                      for _ in range(32))])
    return pick(['ghp_' + ''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789')
                                  for _ in range(36)),
                 'xoxb-%s-%s-%s' % (digits(12), digits(13), ''.join(
                     pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789')
                     for _ in range(24)))])


TYPED = {
    'han': ('person', 'PERSON', han), 'roman': ('person', 'PERSON', roman),
    'sur': ('person', 'PERSON', surname), 'public': ('person', 'PERSON', public),
    'phone': ('phone', 'PHONE_NUMBER', phone),
    'cnid': ('cn_resident_id', 'CN_RESIDENT_ID', cnid),
    'passport': ('passport', 'PASSPORT', passport),
    'dob': ('date_of_birth', 'DATE_OF_BIRTH', dob),
    'addr': ('street_address', 'STREET_ADDRESS', address),
    'card': ('credit_card', 'CREDIT_CARD', card),
    'email': ('email', 'EMAIL_ADDRESS', email),
    'ip': ('ip_address', 'IP_ADDRESS', ip),
    'secret': ('secret', 'SECRET', secret),
}


def yuan():
    return pick(['¥%d,%03d.%02d' % (n(1, 99), n(0, 999), n(0, 99)), '%d元' % n(5, 99999),
                 '￥%d.%02d' % (n(1, 9999), n(0, 99)), '人民币%d.%02d元' % (n(1, 99999), n(0, 99)),
                 'RMB %d' % n(100, 999999), 'HK$%d' % n(10, 99999), 'NT$%d' % n(100, 99999),
                 '%d.%d万元' % (n(1, 999), n(1, 9))])


def when(_=None):
    return pick(['%d年%d月%d日' % (n(2019, 2025), n(1, 12), n(1, 28)),
                 '%d-%02d-%02d %02d:%02d' % (n(2020, 2025), n(1, 12), n(1, 28), n(0, 23), n(0, 59)),
                 '%02d月%02d日%02d:%02d' % (n(1, 12), n(1, 28), n(0, 23), n(0, 59)),
                 '%d/%02d/%02d' % (n(2020, 2025), n(1, 12), n(1, 28))])


LOOK = {
    'order': lambda: pick(['%d%02d%02d%s' % (n(2021, 2025), n(1, 12), n(1, 28), digits(10)),
                           digits(18), digits(19), 'E%s' % digits(15),
                           'TB%s' % digits(16), 'DD%s' % digits(12)]),
    'track': lambda: pick(['SF%s' % digits(12), 'YT%s' % digits(13), '7%s' % digits(13),
                           'JD%s' % digits(13), '4%s' % digits(11), '9%s' % digits(12),
                           'EMS %s' % digits(13), 'LP%s' % digits(14)]),
    'yuan': yuan, 'when': when,
    'tail': lambda: digits(4),
    'code': lambda: digits(pick([4, 6, 6])),
    'service': lambda: pick(['95588', '95533', '95555', '95566', '10086', '10010', '12306',
                             '12345', '110', '120', '95511']),
    'uscc': lambda: '91%s%s' % (digits(6), ''.join(pick('0123456789ABCDEFGHJKLMNPQRTUWXY')
                                                   for _ in range(10))),
    'invoice': lambda: pick(['%s' % digits(12), '%s' % digits(8), '%s' % digits(20)]),
    'model': lambda: pick(['iPhone 15 Pro Max 256GB', '华为Mate 60 Pro', '小米14 Ultra',
                           'RTX 4090', 'Model Y', 'ThinkPad X1 Carbon Gen 11', 'MX Master 3S',
                           'AirPods Pro 2', 'OPPO Find X7']),
    'qty': lambda: str(n(1, 99)),
    'age': lambda: str(n(18, 90)),
    'room': lambda: '%d床' % n(1, 60),
    'ward': lambda: pick(['心内科', '呼吸科', '骨科', '消化内科', '神经外科', '儿科', '妇产科']),
    'dept': lambda: pick(['人力资源部', '财务部', '研发中心', '市场部', '行政部', '法务部']),
    'city': lambda: pick(['北京', '上海', '广州', '深圳', '杭州', '成都', '台北', '高雄', '香港',
                          '澳门', '新加坡', '南京', '西安']),
    'place': lambda: pick(['张家界', '黄山', '马鞍山', '石家庄', '王府井', '周庄', '高雄', '林芝',
                           '常州', '温州', '金华', '万宁', '龙岩', '韶关', '白云机场', '钱塘江']),
    'word': lambda: pick(['高兴', '马上', '黄金周', '余额', '万元', '付款', '金额', '钟表', '林业',
                          '方便', '安全', '常见问题', '温度', '费用', '程序', '任务', '于是',
                          '包裹', '石油', '白天', '江南', '朱红', '陈列', '周末', '毛巾', '宋体',
                          '史上最低', '汤圆', '陶瓷']),
    'version': lambda: 'v%d.%d.%d' % (n(1, 9), n(0, 20), n(0, 99)),
    'port': lambda: str(pick([22, 80, 443, 3306, 6379, 8080, 8443, 9200])),
    'pct': lambda: '%d.%d%%' % (n(0, 99), n(0, 9)),
    'company': lambda: pick(['阿里巴巴', '腾讯', '华为技术有限公司', '京东物流', '顺丰速运',
                             '招商银行', '中国平安', '美团', '台积电', '长江和记', '澳门旅游塔',
                             '星展银行']),
}

# ---- templates (set a) ------------------------------------------------------------
CHAT = [
    "在吗？我是<<han>>，刚加你微信，之前在群里聊过的",
    "[微信] <<han>>：明天下午三点开会，别忘了\n<<han>>：收到👌",
    "亲，麻烦帮我改一下收货地址：<<addr>>，收件人<<han>>，电话<<phone.cn>>，谢谢！",
    "兄弟，我手机号换了，新号码<<phone.cn>>，老号不用了",
    "帮我查一下这个快递<<track>>到哪了，收件人是<<han>>",
    "我的邮箱是<<email>>，你把报价单发过来吧",
    "你好，我叫<<han>>，今年<<age>>岁，想咨询一下社保的问题",
    "群公告：本周六聚餐，联系人<<han>>，电话<<phone.cn>>，地点待定",
    "@<<han>> 你的身份证号是不是<<cnid>>？报名表上好像写错了",
    "wifi密码是<<secret.pw>>，别告诉别人哈",
    "服务器的root密码：<<secret.pw>>，登录IP <<ip>>，用完记得改",
    "老婆，我银行卡号<<card.up>>，你转<<yuan>>过来交房租",
    "楼主你好，我也是<<city>>的，可以加我微信聊，手机<<phone.cn>>",
    "回复 <<han>>：你说得对，我明天去<<place>>玩",
    "求助！我的护照号<<passport.cn>>，签证申请表上出生日期填<<dob.iso>>对吗？",
    "<<han>>，你把API密钥<<secret.key>>发到群里了，赶紧撤回！",
    "打电话给<<han>>吧，她的号码是<<phone.fw>>",
    "我是<<roman.eng>>，英文名大家都知道，中文名<<han>>",
    "这周末跟<<han>>去爬山，你来吗",
]
ORDERS = [
    "订单编号：<<order>>\n下单时间：<<when>>\n商品：<<model>> ×<<qty>>\n实付金额：<<yuan>>\n"
    "收货人：<<han>>\n联系电话：<<phone.cn>>\n收货地址：<<addr.cn>>",
    "【京东】您的订单<<order>>已出库，由<<company>>配送，运单号<<track>>，预计<<when>>送达。",
    "您好<<han>>，您购买的<<model>>已发货，快递单号：<<track>>，如有问题请致电客服<<service>>。",
    "收件人：<<han>> <<phone.cn>>\n<<addr.cn>>\n寄件人：<<han>>，<<city>>",
    "退款申请：订单<<order>>，退款<<yuan>>，原路退回尾号<<tail>>的银行卡。",
    "淘宝订单 <<order>> 买家：<<han>> 手机：<<phone.cn>> 地址：<<addr.cn>> 备注：请放门卫",
    "发票抬头：<<company>>\n纳税人识别号：<<uscc>>\n发票号码：<<invoice>>\n金额：<<yuan>>",
]
HR = [
    "员工入职登记表\n姓名：<<han>>\n性别：男\n出生日期：<<dob>>\n身份证号码：<<cnid>>\n"
    "手机：<<phone.cn>>\n现住址：<<addr.cn>>\n紧急联系人：<<han>>（<<phone.cn>>）",
    "姓名：<<han>>　部门：<<dept>>　工号：<<qty>><<tail>>\n银行卡号：<<card.up>>\n开户行：招商银行<<city>>分行",
    "个人简历\n姓名：<<han>>\n出生年月：<<dob.ym>>\n邮箱：<<email>>\n电话：<<phone.cn>>\n"
    "求职意向：Java开发",
    "关于<<han>>同志任职的通知：经研究决定，任命<<han>>同志为<<dept>>经理。",
    "离职证明\n兹证明<<han>>（身份证号：<<cnid>>）自<<when>>起在我公司<<dept>>任职。",
    "报销单 申请人：<<han>> 部门：<<dept>> 金额：<<yuan>> 审批人：<<han>>",
]
HOSPITAL = [
    "患者<<han>>，<<age>>岁，<<ward>><<room>>，主诉胸闷三天。主治医师：<<han>>",
    "门诊病历\n姓名：<<han>>  出生日期：<<dob.iso>>  联系电话：<<phone.cn>>\n诊断：上呼吸道感染",
    "住院通知：<<han>>（身份证<<cnid>>）于<<when>>入住<<ward>>，家属<<han>>电话<<phone.cn>>",
    "<<han>>医生今天出诊吗？我想挂<<ward>>的号，我的就诊卡号<<order>>",
]
GOV = [
    "公示：经审核，以下人员符合公租房申请条件：<<han>>、<<han>>、<<han>>。公示期为七天。",
    "居民身份证申领登记表 姓名 <<han>> 公民身份号码 <<cnid>> 住址 <<addr.cn>>",
    "通知：请<<han>>（身份证号<<cnid>>）于<<when>>前到<<city>>出入境管理局领取护照。",
    "申请人：<<han>>\n护照号码：<<passport.cn>>\n出生日期：<<dob>>\n户籍地址：<<addr.cn>>",
    "不动产登记信息：权利人<<han>>，坐落<<addr.cn>>，面积<<qty>>平方米",
]
BANK = [
    "【工商银行】您尾号<<tail>>的储蓄卡<<when>>支出人民币<<yuan>>，余额<<yuan>>。",
    "【招商银行】验证码<<code>>，您正在进行快捷支付，5分钟内有效，请勿泄露。",
    "<<sur>>女士您好，您预约的<<when>>体检已确认，请携带身份证到前台登记。",
    "【建设银行】<<han>>先生您好，您的信用卡本期账单<<yuan>>，最后还款日<<when>>。客服<<service>>",
    "您的账户于<<when>>向<<han>>转账<<yuan>>，对方账号<<card.up>>，手续费0.00元。",
    "【支付宝】您的验证码是<<code>>。如非本人操作，请忽略本短信。",
]
NEWS = [
    "新华社<<city>>电 国家主席<<public>>今日会见了来访的外国元首。",
    "<<public>>在发布会上表示，公司明年将加大研发投入。",
    "据报道，<<public>>与<<public>>共同出席了开幕式。",
    "本报记者<<han>>报道：<<city>>今年GDP增长<<pct>>。",
    "<<han>>，男，<<age>>岁，<<city>>人，因涉嫌诈骗被警方刑事拘留。",
]
TW_HK = [
    "您好，我是<<han.tw>>，手機<<phone.tw>>，住在<<addr.tw>>，請回電。",
    "收件人：<<han.tw>>\n地址：<<addr.tw>>\n電話：<<phone.tw>>",
    "我係<<han.hk>>，電話<<phone.hk>>，住<<addr.hk>>，唔該打俾我",
    "聯絡人：<<roman.hk>>（<<han.hk>>）\n電話：<<phone.hk>>\n電郵：<<email>>",
    "<<han.tw>>先生，您的生日是<<dob.roc>>，請確認。",
    "出生日期：<<dob.roc>>\n身分證字號請另附",
    "澳門送貨地址：<<addr.mo>>，聯絡電話<<phone.mo>>，收件人<<han.hk>>",
    "Mr. <<roman.hk>>, your appointment is confirmed. Address on file: <<addr.hk>>",
    "<<roman.tw>> from the Taipei office called from <<phone.tw>>.",
    "Hi <<roman.sg>>, your parcel will be delivered to <<addr.sg>>. Call <<phone.sg>> if you are out.",
    "新加坡客户<<han>>，电话<<phone.sg>>，地址<<addr.sg>>",
    "護照號碼：<<passport.hk>>　持有人：<<han.hk>>",
]
MIXED = [
    "Hi team，这个bug是<<han>>报的，repro环境是<<ip>>:<<port>>，please check",
    "Please contact <<roman.cn>> (<<han>>) at <<email>> or <<phone.cn>> for the PO.",
    "FYI：客户<<roman.eng>>的信用卡<<card>>被拒了，error code <<code>>",
    "{\"name\": \"<<han>>\", \"phone\": \"<<phone.cn>>\", \"id_card\": \"<<cnid>>\", "
    "\"addr\": \"<<addr.cn>>\"}",
    "姓名,手机,身份证号\n<<han>>,<<phone.cn>>,<<cnid>>\n<<han>>,<<phone.cn>>,<<cnid>>",
    "kubectl logs 报错了，token是<<secret.token>>，谁动了配置？",
    "Meeting notes：<<han>> will follow up with <<roman.any>>; 预算<<yuan>>",
    "GitHub令牌：<<secret.token>>",
    "数据库连接：host=<<ip>> user=admin 密码=<<secret.pw>>",
]

LOOKALIKES = [
    "【中国银行】您尾号<<tail>>的账户<<when>>收入人民币<<yuan>>，余额<<yuan>>。",
    "【顺丰速运】您的快件<<track>>已签收，签收人：本人。如有疑问请致电<<service>>。",
    "订单号：<<order>>，实付<<yuan>>，预计<<when>>发货",
    "验证码：<<code>>，用于登录，10分钟内有效。",
    "这次黄金周去<<place>>玩，<<word>>，人太多了",
    "<<word>>！今天<<word>>打八折，<<yuan>>起",
    "版本<<version>>修复了端口<<port>>占用的问题，下载量增长<<pct>>",
    "发票代码：<<invoice>> 发票号码：<<invoice>> 开票日期：<<when>> 价税合计：<<yuan>>",
    "统一社会信用代码：<<uscc>>，注册资本<<yuan>>",
    "我的<<model>>到了，<<yuan>>，比<<city>>实体店便宜",
    "<<company>>今天发布财报，营收同比增长<<pct>>",
    "<<when>> 航班CA<<tail>> <<city>>-<<city>> 已延误",
    "请拨打客服热线<<service>>，工作时间9:00-18:00",
    "余额不足，请及时充值。本月已用流量<<qty>>GB，话费余额<<yuan>>",
    "<<city>>天气：晴，温度<<qty>>°C，空气质量良",
    "马上就到了，在<<place>>高速出口等我",
    "商品编号<<order>>，库存<<qty>>件，单价<<yuan>>",
]
TEMPLATES = CHAT + ORDERS + HR + HOSPITAL + GOV + BANK + NEWS + TW_HK + MIXED


# ---- set b (written after the rules for set a, before the scanner ran on it) --
SUR_B = list('邝冼岑欧甘莫麦龚谭黎卢温钟骆覃韦蒙韩柯梅蔡潘阮翁洪廖宁伍祝骆巫聂栾虞柏')
GIV_B = ['大锤', '铁柱', '多多', '小红', '二强', '振国', '淑珍', '美华', '金花', '国强', '秀珍',
         '伟东', '丽萍', '海峰', '卫东', '红霞', '爱华', '建军', '文静', '志刚', '雪梅', '晓光',
         '梦琪', '子墨', '一鸣', '天宇', '思远', '诗琪', '乐瑶', '宏伟', '俊杰', '依依']
GIV_B_TW = ['冠廷', '怡婷', '家銘', '雅雯', '柏宇', '郁婷', '俊宏', '佳蓉', '彥廷', '筱涵', '哲瑋',
            '宛儒', '建志', '惠君']
PUBLIC_B = ['李彦宏', '王健林', '孙杨', '全红婵', '郭晶晶', '成龙', '梁朝伟', '周星驰', '林俊杰',
            '王菲', '邓紫棋', '张学友', '易建联', '丁俊晖', '朱婷', '杨利伟', '钟睒睒', '曹德旺']


def han_b(loc='cn'):
    if loc == 'tw':
        return pick(SUR_TW) + pick(GIV_B_TW)
    if loc == 'compound':
        return pick(SUR_COMPOUND + SUR_TW_COMPOUND) + pick(GIV_B)
    return (pick(SUR_B) if rng.random() < 0.5 else pick(SUR_CN)) + pick(GIV_B)


def phone_b(loc='cn'):
    m = cn_mobile()
    if loc == 'cn':
        return pick(['%s.%s.%s' % (m[:3], m[3:7], m[7:]), '+86 (0)21 %s %s' % (digits(4), digits(4)),
                     '(0755)%s %s-%s' % (digits(4), digits(4), digits(3)),
                     '0086-10-%s' % digits(8), '+86 10 %s %s ext %s' % (digits(4), digits(4),
                                                                       digits(3)),
                     '%s %s %s' % (m[:3], m[3:7], m[7:]), m])
    if loc == 'hk':
        return pick(['%s-%s' % (pick('23') + digits(3), digits(4)), '+852 %s' % (pick('569') + digits(7))])
    if loc == 'tw':
        return pick(['(04)%s-%s' % (digits(4), digits(4)), '09%s %s %s' % (digits(2), digits(3),
                                                                          digits(3))])
    if loc == 'mo':
        return '+853 28%s %s' % (digits(2), digits(4))
    return '6%s %s' % (digits(3), digits(4))  # sg landline


def addr_b(loc='cn'):
    if loc == 'tw':
        return '%s%s%s%d號%d樓之%d' % (pick(['新北市板橋區', '臺南市中西區', '新竹縣竹北市', '基隆市仁愛區']),
                                    pick(['文化路', '民族路', '光明六路', '愛一路']),
                                    pick(['一段', '二段', '']), n(1, 300), n(2, 15), n(1, 9))
    if loc == 'hk':
        return pick(['Room %d, %d/F, Tower %d, Times Square, Causeway Bay' % (n(1, 30) * 100 + n(1, 20),
                                                                            n(2, 40), n(1, 2)),
                     '香港灣仔告士打道%d號%s%d樓%d室' % (n(1, 300), pick(['', '中環廣場', '新鴻基中心']),
                                                 n(2, 60), n(1, 20))])
    if loc == 'mo':
        return '澳門宋玉生廣場%d號%s%d樓%s座' % (n(100, 300), pick(['光輝商業中心', '財富中心']),
                                          n(2, 20), pick('ABCDEF'))
    form = rng.random()
    if form < 0.3:
        return '%s%s%d号%s%s栋%d楼' % (pick(['深圳市南山区粤海街道', '北京市海淀区中关村', '杭州市余杭区仓前街道']),
                                   pick(['科技南十二路', '大街', '文一西路']), n(1, 999),
                                   pick(['金蝶软件园', '创业大厦', '梦想小镇']), pick('ABCD'), n(2, 20))
    if form < 0.55:
        return '%s%s%d栋%d单元%d' % (pick(['成都市', '重庆市渝北区', '长沙市岳麓区', '']),
                                pick(['龙湖春江郦城', '万科金域华府', '保利中央公园', '碧桂园凤凰城']),
                                n(1, 30), n(1, 4), n(101, 3204))
    if form < 0.75:
        return '%s%s%d号' % (pick(['成都市武侯区', '南京市鼓楼区', '郑州市金水区', '昆明市五华区']),
                          pick(['人民南路四段', '中山北路', '花园路', '东风东路']), n(1, 400))
    return '%s%s%s%d号' % (pick(['云南省', '贵州省', '甘肃省']), pick(['大理州宾川县', '遵义市湄潭县',
                                                                   '天水市秦安县']),
                         pick(['金牛镇', '茅坪镇', '兴国镇']) + pick(['大营村', '新华村', '光明村']),
                         n(1, 200))


def dob_b(fmt='any'):
    y, m, d = n(1945, 2010), n(1, 12), n(1, 28)
    forms = ['%d年%02d月%02d日' % (y, m, d), '%d-%d-%d' % (y, m, d), '%d/%02d/%02d' % (y, m, d),
             '%s年%s月%s日' % (cn_numeral_year(y), cn_numeral_small(m), cn_numeral_small(d)),
             '%d年%d月%d号' % (y, m, d), '%d.%d.%d' % (y, m, d)]
    return pick(forms)


TYPED_B = dict(TYPED)
TYPED_B.update({
    'han': ('person', 'PERSON', han_b), 'phone': ('phone', 'PHONE_NUMBER', phone_b),
    'addr': ('street_address', 'STREET_ADDRESS', addr_b), 'dob': ('date_of_birth', 'DATE_OF_BIRTH', dob_b),
    'public': ('person', 'PERSON', lambda _=None: pick(PUBLIC_B)),
})
LOOK_B = dict(LOOK)
LOOK_B.update({
    'plate': lambda: pick(['京A·%s' % digits(5), '粤B%s' % digits(5), '沪C%sD' % digits(4),
                           '川A%s' % digits(5)]),
    'flight': lambda: pick(['CA%s' % digits(4), 'MU%s' % digits(4), 'CZ%s' % digits(4)]),
    'train': lambda: '%s%s次 %02d车%02d%s号' % (pick('GDK'), digits(pick([3, 4])), n(1, 16),
                                              n(1, 20), pick('ABCDF')),
    'stock': lambda: pick(['600519', '000858', '300750', '601318', '00700.HK']),
    'pickup': lambda: '%d-%d-%s' % (n(1, 9), n(1, 9), digits(4)),
    'student': lambda: '20%s%s' % (n(15, 24), digits(6)),
    'qqgroup': lambda: digits(9),
    'line': lambda: '%d号线' % n(1, 17),
    'gate': lambda: '%d号门' % n(1, 12),
    'word': lambda: pick(['常规', '高铁', '安排', '方案', '华为', '白领', '余额宝', '任何', '林荫道',
                          '马路', '金融', '章程', '程度', '江湖', '石头', '田园', '毛衣', '史诗',
                          '龙虾', '熊猫', '欧洲', '叶片', '傅里叶', '韩剧', '温泉']),
})

CHAT_B = [
    "参会人员：<<han>>、<<han>>、<<han>>\n记录人：<<han>>\n会议时间：<<when>>",
    "抄送：<<han>>；<<han>>\n发件人：<<han>> <<<email>>>",
    "此致\n敬礼！\n<<han>>\n<<when>>",
    "——<<han>>\n市场部 | 手机 <<phone.cn>> | 邮箱 <<email>>",
    "@<<han>> 你上次说的那个事，<<han>>觉得不行",
    "<<han>>说他明天到<<city>>，让我们先别等了",
    "楼主<<han>>你好，你卖的那台<<model>>还在吗？电话/微信同号：<<phone.cn>>",
    "滴滴：<<sur>>师傅已接单，车牌<<plate>>，预计3分钟到达",
    "我叫做<<han.tw>>，住喺<<addr.hk>>，有咩事打<<phone.hk>>搵我",
    "佢叫<<han.tw>>，係我同事",
    "<<sur.tw>>小姐你好，我是<<han.tw>>，上次跟你聯絡過，我的手機是<<phone.tw>>",
    "外卖到了！骑手<<han>>，<<phone.cn>>，放门口了",
    "Hi <<roman.any>>，我是<<han>>，PR #<<qty>> 已经 merge 了",
]
FORMS_B = [
    "乘车人：<<han>>\n证件号码：<<cnid>>\n车次：<<train>>",
    "入住人：<<han>>　身份证：<<cnid>>　房号：<<qty>>0<<qty>>",
    "投保人：<<han>>\n被保险人：<<han>>\n被保险人出生日期：<<dob>>\n联系电话：<<phone.cn>>",
    "原告：<<han>>，男，<<dob>>出生，汉族，住<<addr>>，公民身份号码<<cnid>>。\n被告：<<han>>，女。",
    "学号,姓名,联系电话\n<<student>>,<<han>>,<<phone.cn>>\n<<student>>,<<han>>,<<phone.cn>>",
    "{\"realName\": \"<<han>>\", \"mobile\": \"<<phone.cn>>\", \"idCard\": \"<<cnid>>\", "
    "\"birthday\": \"<<dob.iso>>\"}",
    "房屋租赁合同\n出租方（甲方）：<<han>>\n承租方（乙方）：<<han>>，身份证号<<cnid>>\n"
    "房屋坐落：<<addr>>",
    "挂号单 就诊人：<<han>> 出生日期：<<dob>> 科室：<<ward>> 诊室：<<gate>>",
    "简历：<<han>>，<<dob>>生，毕业于北京大学，现居<<addr>>",
    "护照：<<passport.cn>>\n姓名：<<han>>\n生日：<<dob>>",
    "Passport No. <<passport.cn>> (<<han>>), DOB <<dob.iso>>",
    "收款人：<<han>> 收款账号：<<card.up>> 开户行：建设银行",
    "登录密码是：<<secret.pw>>，请在首次登录后修改",
    "AppSecret：<<secret.key>>（请勿外传）",
    "地址：<<addr.tw>>\n電話：<<phone.tw>>\n聯絡人：<<han.tw>>",
    "Our HK office: <<addr.hk>>, tel <<phone.hk>>",
    "澳門地址：<<addr.mo>>，電話<<phone.mo>>",
    "新加坡办事处电话<<phone.sg>>，联系人<<han>>",
    "发邮件至<<email>>。或者打<<phone.cn>>找<<han>>",
    "服务器<<ip>>上的日志显示用户<<han>>在<<when>>登录失败",
]
NEWS_B = [
    "<<public>>表示，今年的目标是稳中求进。",
    "记者从<<city>>获悉，<<public>>将出席本次论坛。",
    "<<public>>和<<public>>昨天在<<city>>见面。",
]
LOOKALIKES_B = [
    "地铁<<line>>人民广场站<<gate>>出口见",
    "您的取件码为<<pickup>>，请到菜鸟驿站取件",
    "股票<<stock>>今日涨停，成交额<<yuan>>",
    "航班<<flight>> <<when>> 起飞，登机口<<gate>>",
    "车次<<train>>，请提前30分钟检票",
    "本群QQ群号<<qqgroup>>，欢迎加入",
    "<<word>>是这次讨论的重点，<<word>>也要考虑",
    "学号<<student>>的同学请到教务处",
    "车牌<<plate>>违章停车，罚款<<yuan>>",
    "本条例自<<when>>起施行",
    "订单<<order>>，<<word>>套餐，<<yuan>>",
]
TEMPLATES_B = CHAT_B + FORMS_B + NEWS_B + ORDERS + BANK


def main():
    global SET
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument('--set', default='a', choices=['a', 'b'],
                     help='a: the first set, written before the rules (seeds 1301/1302); b: '
                     'written after the rules for a (seeds 1311/1312)')
    args, rest = pre.parse_known_args()
    SET = args.set
    sys.argv = sys.argv[:1] + rest
    if SET == 'a':
        w.write_template_set(TEMPLATES, LOOKALIKES, TYPED, LOOK, 1301, __doc__)
    else:
        w.write_template_set(TEMPLATES_B, LOOKALIKES + LOOKALIKES_B, TYPED_B, LOOK_B, 1311,
                             __doc__)


if __name__ == '__main__':
    main()
