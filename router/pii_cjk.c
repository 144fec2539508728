/* Chinese text: context cues (电话, 地址, 密码, ...), names (a surname from the
 * Hundred Family Surnames list plus one or two characters, after a cue such as
 * 我叫 / 姓名 or before an honorific such as 先生 / 女士), and street addresses
 * (...路88号). Digits inside Chinese text go through the number detectors. */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "router/pii_gazetteer.h"
#include "router/pii_internal.h"
#include "router/pii_secret.h"

enum { CJ_NAME_NEXT = CUE_COUNT, CJ_HONORIFIC, CJ_NONE };

static const struct {
    uint32_t a, b;
    int cue;
} cjk_cues[] = {
    {0x6211, 0x53EB, CJ_NAME_NEXT}, /* 我叫 */
    {0x540D, 0x53EB, CJ_NAME_NEXT}, /* 名叫 */
    {0x59D3, 0x540D, CJ_NAME_NEXT}, /* 姓名 */
    {0x540D, 0x5B57, CJ_NAME_NEXT}, /* 名字 */
    {0x6211, 0x662F, CJ_NAME_NEXT}, /* 我是 */
    {0x53EB, 0x505A, CJ_NAME_NEXT}, /* 叫做 */
    {0x8054, 0x7CFB, CJ_NAME_NEXT}, /* 联系 (人) */
    {0x5148, 0x751F, CJ_HONORIFIC}, /* 先生 */
    {0x5973, 0x58EB, CJ_HONORIFIC}, /* 女士 */
    {0x5C0F, 0x59D0, CJ_HONORIFIC}, /* 小姐 */
    {0x8001, 0x5E08, CJ_HONORIFIC}, /* 老师 */
    {0x533B, 0x751F, CJ_HONORIFIC}, /* 医生 */
    {0x6559, 0x6388, CJ_HONORIFIC}, /* 教授 */
    {0x7ECF, 0x7406, CJ_HONORIFIC}, /* 经理 */
    {0x540C, 0x5B66, CJ_HONORIFIC}, /* 同学 */
    {0x7535, 0x8BDD, CUE_PHONE},    /* 电话 */
    {0x624B, 0x673A, CUE_PHONE},    /* 手机 */
    {0x81F4, 0x7535, CUE_PHONE},    /* 致电 */
    {0x8EAB, 0x4EFD, CUE_ID},       /* 身份 */
    {0x8BC1, 0x4EF6, CUE_ID},       /* 证件 */
    {0x5730, 0x5740, CUE_ADDRESS},  /* 地址 */
    {0x4F4F, 0x5728, CUE_ADDRESS},  /* 住在 */
    {0x73B0, 0x4F4F, CUE_ADDRESS},  /* 现住 */
    {0x73FE, 0x4F4F, CUE_ADDRESS},  /* 現住 */
    {0x73B0, 0x5C45, CUE_ADDRESS},  /* 现居 */
    {0x73FE, 0x5C45, CUE_ADDRESS},  /* 現居 */
    {0x5750, 0x843D, CUE_ADDRESS},  /* 坐落 */
    {0x4F4F, 0x5740, CUE_ADDRESS},  /* 住址 */
    {0x4F4D, 0x4E8E, CUE_ADDRESS},  /* 位于 */
    {0x5BC6, 0x7801, CUE_SECRET},   /* 密码 */
    {0x53E3, 0x4EE4, CUE_SECRET},   /* 口令 */
    {0x5BC6, 0x94A5, CUE_SECRET},   /* 密钥 */
    {0x62A4, 0x7167, CUE_PASSPORT}, /* 护照 */
    {0x51FA, 0x751F, CUE_DOB},      /* 出生 */
    {0x751F, 0x65E5, CUE_DOB},      /* 生日 */
    {0x5361, 0x53F7, CUE_CARD},     /* 卡号 */
    {0x4FE1, 0x7528, CUE_CARD},     /* 信用 (卡) */
    {0x94F6, 0x884C, CUE_IBAN},     /* 银行 */
    {0x8D26, 0x53F7, CUE_IBAN},     /* 账号 */
    {0x8D26, 0x6237, CUE_IBAN},     /* 账户 */
    {0x8BA2, 0x5355, CUE_NEG},      /* 订单 */
    {0x53D1, 0x7968, CUE_NEG},      /* 发票 */
    {0x5355, 0x53F7, CUE_NEG},      /* 单号 */
    {0x7F16, 0x53F7, CUE_NEG},      /* 编号 */
    {0x7248, 0x672C, CUE_NEG},      /* 版本 */
    {0x6CE8, 0x6587, CUE_NEG},      /* 注文 (Japanese: an order) */
    {0x8FFD, 0x8DE1, CUE_NEG},      /* 追跡 (Japanese: tracking) */
    {0x4EF7, 0x683C, CUE_PRICE},    /* 价格 */
    /* Chinese salutations and fields, Japanese forms and letters */
    {0x5BA2, 0x6237, CJ_NAME_NEXT}, /* 客户 */
    {0x5C0A, 0x656C, CJ_NAME_NEXT}, /* 尊敬 (的) */
    {0x6536, 0x4EF6, CJ_NAME_NEXT}, /* 收件 (人) */
    {0x6C0F, 0x540D, CJ_NAME_NEXT}, /* 氏名 */
    {0x540D, 0x524D, CJ_NAME_NEXT}, /* 名前 (は) */
    {0x62C5, 0x5F53, CJ_NAME_NEXT}, /* 担当 (者) */
    {0x30D5, 0x30EA, CJ_NAME_NEXT}, /* フリ (ガナ): the reading of a name */
    {0x751F, 0x5E74, CUE_DOB},      /* 生年 (月日) */
    {0x8A95, 0x751F, CUE_DOB},      /* 誕生 (日) */
    {0x4F4F, 0x6240, CUE_ADDRESS},  /* 住所 */
    {0x96FB, 0x8A71, CUE_PHONE},    /* 電話 */
    {0x643A, 0x5E2F, CUE_PHONE},    /* 携帯 */
    {0x5EA7, 0x673A, CUE_PHONE},    /* 座机: a landline */
    {0x65C5, 0x5238, CUE_PASSPORT}, /* 旅券 */
    {0x30D1, 0x30B9, CUE_PASSPORT}, /* パス (ポート) */
    {0x6301, 0x6709, CJ_NAME_NEXT}, /* 持有 (人) */
    {0x6301, 0x5361, CJ_NAME_NEXT}, /* 持卡 (人) */
    {0x554F, 0x3044, CJ_NAME_NEXT}, /* 問い (合わせ) */
    {0x9023, 0x7D61, CJ_NAME_NEXT}, /* 連絡 (先) */
    {0x5BC6, 0x78BC, CUE_SECRET},   /* 密碼 */
    {0x5BC6, 0x9470, CUE_SECRET},   /* 密鑰 */
    {0x4EE4, 0x724C, CUE_SECRET},   /* 令牌 */
    {0x79D8, 0x94A5, CUE_SECRET},   /* 秘钥 */
    {0x79D8, 0x9470, CUE_SECRET},   /* 秘鑰 */
    {0x5BC6, 0x5319, CUE_SECRET},   /* 密匙 */
    {0x79C1, 0x94A5, CUE_SECRET},   /* 私钥: a private key */
    {0x79C1, 0x9470, CUE_SECRET},   /* 私鑰 */
    {0x5BC6, 0x9375, CUE_SECRET},   /* (秘)密鍵, Japanese */
    /* Traditional and Cantonese forms, and the labels and phrases before a
     * name in forms, records and letters */
    {0x806F, 0x7D61, CJ_NAME_NEXT}, /* 聯絡 (人) */
    {0x806F, 0x7E6B, CJ_NAME_NEXT}, /* 聯繫 (人) */
    {0x8054, 0x7EDC, CJ_NAME_NEXT}, /* 联络 (人) */
    {0x6211, 0x4FC2, CJ_NAME_NEXT}, /* 我係: Cantonese "I am" */
    {0x4F62, 0x53EB, CJ_NAME_NEXT}, /* 佢叫: Cantonese "he is called" */
    {0x9A91, 0x624B, CJ_NAME_NEXT}, /* 骑手: a courier */
    {0x697C, 0x4E3B, CJ_NAME_NEXT}, /* 楼主: a forum thread's author */
    {0x7528, 0x6237, CJ_NAME_NEXT}, /* 用户 */
    {0x5E08, 0x5085, CJ_HONORIFIC}, /* 师傅 */
    {0x5E2B, 0x5085, CJ_HONORIFIC}, /* 師傅 */
    {0x60A3, 0x8005, CJ_NAME_NEXT}, /* 患者 */
    {0x5BB6, 0x5C5E, CJ_NAME_NEXT}, /* 家属 */
    {0x5BB6, 0x5C6C, CJ_NAME_NEXT}, /* 家屬 */
    {0x8BB0, 0x8005, CJ_NAME_NEXT}, /* 记者 */
    {0x8A18, 0x8005, CJ_NAME_NEXT}, /* 記者 */
    {0x4EFB, 0x547D, CJ_NAME_NEXT}, /* 任命 */
    {0x56DE, 0x590D, CJ_NAME_NEXT}, /* 回复 */
    {0x56DE, 0x8986, CJ_NAME_NEXT}, /* 回覆 */
    {0x4E70, 0x5BB6, CJ_NAME_NEXT}, /* 买家 */
    {0x6536, 0x8D27, CJ_NAME_NEXT}, /* 收货 (人) */
    {0x6536, 0x8CA8, CJ_NAME_NEXT}, /* 收貨 (人) */
    {0x5BC4, 0x4EF6, CJ_NAME_NEXT}, /* 寄件 (人) */
    {0x7533, 0x8BF7, CJ_NAME_NEXT}, /* 申请 (人) */
    {0x7533, 0x8ACB, CJ_NAME_NEXT}, /* 申請 (人) */
    {0x6743, 0x5229, CJ_NAME_NEXT}, /* 权利 (人) */
    {0x672C, 0x4EBA, CJ_NAME_NEXT}, /* 本人 */
    {0x6587, 0x540D, CJ_NAME_NEXT}, /* (中)文名 */
    {0x8BC1, 0x660E, CJ_NAME_NEXT}, /* (兹)证明 */
    {0x4E3B, 0x5E2D, CJ_NAME_NEXT}, /* 主席 */
    {0x603B, 0x7406, CJ_NAME_NEXT}, /* 总理 */
    {0x603B, 0x7EDF, CJ_NAME_NEXT}, /* 总统 */
    {0x7E3D, 0x7D71, CJ_NAME_NEXT}, /* 總統 */
    {0x603B, 0x88C1, CJ_NAME_NEXT}, /* 总裁 */
    {0x540C, 0x5FD7, CJ_HONORIFIC}, /* 同志 */
    {0x91AB, 0x751F, CJ_HONORIFIC}, /* 醫生 */
    {0x8001, 0x5E2B, CJ_HONORIFIC}, /* 老師 */
    {0x7D93, 0x7406, CJ_HONORIFIC}, /* 經理 */
    {0x4E3B, 0x4EFB, CJ_HONORIFIC}, /* 主任 */
    {0x5F8B, 0x5E08, CJ_HONORIFIC}, /* 律师 */
    {0x535A, 0x58EB, CJ_HONORIFIC}, /* 博士 */
    {0x8B77, 0x7167, CUE_PASSPORT}, /* 護照 */
    {0x624B, 0x6A5F, CUE_PHONE},    /* 手機 */
};

/* Characters that end a Japanese name (様, or the さ of さん) or start a
 * Japanese address (〒, a prefecture's 都 府 県): looked at, not skipped. */
static bool jp_mark(uint32_t cp)
{
    return cp == 0x69D8 || cp == 0x3055 || cp == 0x3012 || cp == 0x90FD || cp == 0x5E9C ||
           cp == 0x770C;
}

/* First characters of the cues above, as a bitmap over the BMP. */
static uint8_t cue_first[0x10000 / 8];
static pthread_once_t cue_first_once = PTHREAD_ONCE_INIT;

/* Han characters (U+4E00-9FFF) that start no cue and no road word: runs of
 * them are skipped with one table lookup per character. */
/* plain and the surnames: bit 0; HAN_SUR_RARE: a surname of the full list
 * (router/data/cn_surnames.txt) that is not one of the hundred commonest;
 * HAN_CUE: the first character of a cue, HAN_ADDR: a road word or an address
 * trigger (both skipped unless the next character may continue them) */
enum { HAN_OTHER, HAN_PLAIN, HAN_GATE, HAN_SURNAME, HAN_CUE, HAN_SUR_RARE, HAN_ADDR };
/* One byte per BMP character (a byte, not two bits: one load per character
 * in the skip loop): HAN_PLAIN (skipped), HAN_SURNAME (skipped, but a name
 * may start with it), HAN_GATE (a word before a name: 和, 给, ...). */
static uint8_t han_cls[0x10000];

/* ---- Chinese names without a cue ------------------------------------------
 * Written for edgeway from general knowledge (CC0, see router/data/README.md):
 * the hundred commonest surnames (a subset of router/data/cn_surnames.txt;
 * only these start a name that no cue introduces), characters common in
 * given names and rare as the second character of an ordinary word, and
 * the ordinary words that start with a surname and such a character.
 * Compound surnames (欧阳, 司马) are left to the cues. */
static const char cn_common_sur[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
static const char cn_given[] =
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉萍红玲芬燕彬鹏辉斌宇浩凯俊帆帅旭宁然"
    "龙林欣佳怡涵琪萱轩博文子梓雨桐梦晨曦佑家豪若立新春梅婷晓志建国振海云思远嘉诺雅墨航鑫"
    "慧颖倩雪琳晶婉蕾淑兰凤洁莉丹荣健峰亮飞东波宏民永昊睿泽瑞翔鸿铭伦哲毅锋兵坤阳琦璐露薇"
    "菲妍岚瑶婕媛茜蓉楠悦彤馨瑾萌诗语紫德卫光庆福贵祥宝康义仁智忠惠秋冬星辰晴岩松柏竹冰"
    "霖湘珊琴瑜璇钰彦熙奕煜皓卓栋梁良斐聪慧蓓薇媚娇婧姝"
    /* more given-name characters, then Traditional forms (Taiwan, Hong Kong) */
    "懿书艺谋诚腾炳慈爱凌锐昕沐锦禹舜尧瀚澜淼渊泓沛耀炜烨焕琛珂玮璟昱晗晟暄旻昀晖崇峻嵘"
    "堃垚铮钧钊恒恺忻勤励勋仪伶俐佩伯仲雯霏鹤鸣麟骐骥龄翰翊羽蕊芸芝芷茹菁莹滢桦楷森彪骏"
    "驰胜雄威亚扬贤娴韵莎娅妮姗嫣娥婵菊莲荷翠珍珠琼瑛璋珏祺祯禧洪涌泉岭弘洲达畅欢润淳源"
    "溪沁君美宗冠承恩廷妤宥颂咏柔梓湉歆芮芯苒筱洛晞朗澄灏靖乐依金花"
    "偉麗華強軍傑濤輝鵬凱帥寧龍軒夢曉國諾穎鳳潔榮東鴻銘倫鋒陽嵐瑤媛悅詩語衛慶貴寶義"
    "鈺彥棟聰嬌詠頌瑋綺儀婷慧蓮瓊勳駿馳勝賢韻嫻鈞錚鳴麒驥齡";
/* "王国", "韩国", "高兴", ... (surname + a given-name character, but a word) */
static const char cn_words[] =
    "王国韩国朱红黄金高明黎明周末马上方便安全杨柳林业陈列张开江南苏州武汉江苏江西高峰"
    "高新高涛金华石林龙华宋体雷锋白云东方何人向东钱包"
    "高雄高超高贵高雅高飞吉祥文明文静文艺安静安宁安康宁静温柔温馨和平和谐华丽明星明亮白雪"
    "钟爱凌晨成立时光时辰叶子金星常青龙凤杨梅温泉安乐白金梅花兰花金花";

static uint8_t cn_sur_bits[0x10000 / 8], cn_given_bits[0x10000 / 8], cn_gate_bits[0x10000 / 8];
/* every listed surname's character (cn_surnames.txt), the first characters of
 * the two-character ones, the second characters of the cues */
static uint8_t speech_bits[0x10000 / 8];
static uint8_t cn_all_sur_bits[0x10000 / 8], cn_comp_bits[0x10000 / 8], cn_comp2_bits[0x10000 / 8],
    cue_second[0x10000 / 8];

static void cn_bits_set(uint8_t *bits, const char *u8)
{
    const unsigned char *p = (const unsigned char *)u8;
    for (size_t k = 0; p[k]; k += 3) {
        uint32_t cp = ((uint32_t)(p[k] & 0x0F) << 12) | ((uint32_t)(p[k + 1] & 0x3F) << 6) |
                      (p[k + 2] & 0x3F);
        bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
}

static bool cn_bit(const uint8_t *bits, uint32_t cp)
{
    return cp < 0x10000 && (bits[cp >> 3] >> (cp & 7)) & 1;
}

static bool han_numeral(uint32_t cp)
{
    return cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 ||
           cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D || cp == 0x5341;
}

/* Characters after which a number may carry on an address with no road word:
 * 村, Hong Kong's 邨 (an estate), 園 园 苑 (a housing estate), 廈 厦 (a
 * building), 樓 楼 座 (a block), 城 (a compound, 万科城5栋): "彩虹邨金碧樓20樓24室",
 * "黃埔花園8座35樓A室". */
static bool addr_trigger(uint32_t cp)
{
    return cp == 0x6751 || cp == 0x90A8 || cp == 0x5712 || cp == 0x56ED || cp == 0x82D1 ||
           cp == 0x5EC8 || cp == 0x53A6 || cp == 0x6A13 || cp == 0x697C || cp == 0x5EA7 ||
           cp == 0x57CE;
}

/* A building of a residential compound: 栋 棟 幢 ("春江郦城6栋1单元1665"). */
static bool block_char(uint32_t cp)
{
    return cp == 0x680B || cp == 0x68DF || cp == 0x5E62;
}

/* The last character of an administrative area: 省 市 区 县 镇 乡 and their
 * Traditional forms. A road name may start with a particle after it
 * (和平里东街 after 江汉区). */
static bool admin_char(uint32_t cp)
{
    return cp == 0x7701 || cp == 0x5E02 || cp == 0x533A || cp == 0x53BF || cp == 0x9547 ||
           cp == 0x4E61 || cp == 0x5340 || cp == 0x7E23 || cp == 0x93AE || cp == 0x9109;
}

static bool road_char(uint32_t cp)
{
    return cp == 0x8DEF || cp == 0x8857 || cp == 0x9053 || cp == 0x5DF7 || cp == 0x5F04 ||
           cp == 0x6BB5; /* 路 街 道 巷 弄, 段 (Taiwan's road sections: 忠孝東路四段) */
}

/* The cue pairs hashed (index + 1 per slot, 0 empty), so a character that
 * starts some cue finds its pair in one or two probes, not a scan of all. */
#define CUE_PAIR_SLOTS 256
static uint8_t cue_pair[CUE_PAIR_SLOTS];
_Static_assert(sizeof cjk_cues / sizeof cjk_cues[0] < CUE_PAIR_SLOTS / 2, "cue pair table");

static unsigned cue_pair_hash(uint32_t a, uint32_t b)
{
    return (a * 31u + b * 7u) & (CUE_PAIR_SLOTS - 1);
}

/* Index of the cue (a, b) in cjk_cues, or -1. */
static inline int cue_find(uint32_t a, uint32_t b)
{
    for (unsigned h = cue_pair_hash(a, b); cue_pair[h]; h = (h + 1) & (CUE_PAIR_SLOTS - 1)) {
        int k = cue_pair[h] - 1;
        if (cjk_cues[k].a == a && cjk_cues[k].b == b) return k;
    }
    return -1;
}

static uint8_t stop_bits[0x10000 / 8];
static const uint32_t stop_chars[] = {
    0x662F, 0x7684, 0x4E86, 0x5728, 0x548C, 0x4E0E, 0x7ED9, 0x5411, 0x5BF9, 0x8BF7, 0x627E,
    0x53EB, 0x95EE, 0x8BA9, 0x88AB, 0x628A, 0x8DDF, 0x540C, 0x53CA, 0x6216, 0x4F4D, 0x4E2A,
    0x6211, 0x4F60, 0x4ED6, 0x5979, 0x4EEC, 0x8FD9, 0x90A3, 0x4ECA, 0x5E74, 0x6708, 0x65E5,
    0x5C81, 0x4F4F, 0x7535, 0x8BDD, 0x53F7, 0x5148, 0x5973, 0x8001, 0x4E00, 0x4E8C, 0x4E09,
    0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x8C22, 0x4E5F, 0x90FD, 0x5C31,
    0x8FD8, 0x5DF2, 0x6709, 0x6CA1, 0x4E0D, 0x5F88, 0x6765, 0x53BB, 0x8BF4, 0x60F3, 0x8981,
    0x4F1A, 0x80FD, 0x53EF, 0x4EE5, 0x5230, 0x4ECE, 0x4E3A};

static void cue_first_build(void)
{
    for (size_t k = 0; k < sizeof stop_chars / sizeof stop_chars[0]; k++)
        stop_bits[stop_chars[k] >> 3] |= (uint8_t)(1u << (stop_chars[k] & 7));
    for (size_t k = 0; k < sizeof cjk_cues / sizeof cjk_cues[0]; k++) {
        cue_first[cjk_cues[k].a >> 3] |= (uint8_t)(1u << (cjk_cues[k].a & 7));
        unsigned h = cue_pair_hash(cjk_cues[k].a, cjk_cues[k].b);
        while (cue_pair[h])
            h = (h + 1) & (CUE_PAIR_SLOTS - 1);
        cue_pair[h] = (uint8_t)(k + 1);
    }
    cn_bits_set(cn_sur_bits, cn_common_sur);
    cn_bits_set(cn_given_bits, cn_given);
    cn_bits_set(speech_bits, "表指透认強强介回坦說说称稱");
    /* words after which a name may start inside a run of Han text: 和 跟 与
     * 给 把 让 请 找 问 (告)诉 (转)告 (感)谢 由 被 (昨)天 (上)周 (下)午 晚 及
     * (关)于 (您)好 向 是 */
    cn_bits_set(cn_gate_bits, "和跟与给把让请找问诉告谢由被天周午晚及于好向是");
    for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++)
        if (!road_char(cp) && !addr_trigger(cp) && !jp_mark(cp) &&
            !(cue_first[cp >> 3] & (1u << (cp & 7))))
            han_cls[cp] = cn_bit(cn_gate_bits, cp)  ? HAN_GATE
                          : cn_bit(cn_sur_bits, cp) ? HAN_SURNAME
                                                    : HAN_PLAIN;
    for (size_t k = 0; k < sizeof cjk_cues / sizeof cjk_cues[0]; k++) {
        uint32_t a = cjk_cues[k].a, b = cjk_cues[k].b;
        cue_second[b >> 3] |= (uint8_t)(1u << (b & 7));
        if (a >= 0x4E00 && a <= 0x9FFF && !road_char(a) && !jp_mark(a)) han_cls[a] = HAN_CUE;
    }
    for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++)
        if (cp != 0x9053 && (road_char(cp) || addr_trigger(cp)) && !han_cls[cp] &&
            !cn_bit(cue_first, cp)) /* 座 of 座机 stays */
            han_cls[cp] = HAN_ADDR; /* 道 stays: 北海道 */
    for (int k = 0; k < ew__gaz_cn_single_n; k++) {
        uint32_t cp = ew__gaz_cn_single[k];
        if (cp > 0xFFFF) continue;
        cn_all_sur_bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        if (han_cls[cp] == HAN_PLAIN) han_cls[cp] = HAN_SUR_RARE;
    }
    for (int k = 0; k < ew__gaz_cn_double_n; k++) {
        uint32_t cp = ew__gaz_cn_double[k][0];
        if (cp > 0xFFFF) continue;
        cn_comp_bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        cp = ew__gaz_cn_double[k][1];
        if (cp <= 0xFFFF) cn_comp2_bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        cp = ew__gaz_cn_double[k][0];
        if (han_cls[cp] == HAN_PLAIN) han_cls[cp] = HAN_SUR_RARE;
    }
}

/* ew__gaz_cn_surname through bitmaps: 2 for a two-character surname at
 * (a, b), 1 for a one-character one at a, else 0. */
static int cn_surname(uint32_t a, uint32_t b)
{
    if (cn_bit(cn_comp_bits, a) && cn_bit(cn_comp2_bits, b) && ew__gaz_cn_surname(a, b) == 2)
        return 2;
    return cn_bit(cn_all_sur_bits, a);
}

void ew__pii_cjk_init(void)
{
    pthread_once(&cue_first_once, cue_first_build);
}

static bool is_han(uint32_t cp)
{
    return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* Characters that end or cannot be part of a name: particles, pronouns,
 * verbs that surround names, numbers (a bitmap built from stop_chars). */
static bool stop_char(uint32_t cp)
{
    return cp < 0x10000 && (stop_bits[cp >> 3] >> (cp & 7)) & 1;
}

typedef struct hanpos {
    size_t at;
    uint32_t cp;
} hanpos;

/* Up to max Han characters from i (stops at anything else). */
static int han_run(const unsigned char *s, size_t n, size_t i, hanpos *out, int max)
{
    int k = 0;
    while (i < n && k < max) {
        int l;
        uint32_t cp = ew__pii_decode(s, n, i, &l);
        if (!is_han(cp)) break;
        out[k].at = i;
        out[k].cp = cp;
        k++;
        i += (size_t)l;
    }
    return k;
}

static bool is_kana(uint32_t cp)
{
    return cp >= 0x30A1 && cp <= 0x30FC; /* katakana, with ・ and ー */
}

/* 一 二 三 ... inside a name ("一郎", "三千代"): not the first character, and
 * another kanji follows that is not a counter (年 月 日 个 号). */
static bool name_numeral(const unsigned char *s, size_t n, size_t k, int chars)
{
    static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    int l;
    uint32_t cp = ew__pii_decode(s, n, k, &l), nx;
    bool num = false;
    for (size_t j = 0; j < sizeof nums / sizeof nums[0]; j++)
        num |= nums[j] == cp;
    if (!num || chars == 0 || k + 3 >= n) return false;
    nx = ew__pii_decode(s, n, k + 3, &l);
    return is_han(nx) && !stop_char(nx) && nx != 0x4E2A;
}

/* A Japanese name from i: kanji (2 to 4, or a surname and a given name
 * split by a space) or katakana (a reading, "タナカ ケンタ"); its end or 0. */
static size_t jp_name_end(const unsigned char *s, size_t n, size_t i)
{
    int l, chars = 0, spaces = 0;
    if (i >= n) return 0;
    uint32_t cp = ew__pii_decode(s, n, i, &l);
    bool kana = is_kana(cp);
    size_t k = i, end = 0, first_end = 0;
    int first_chars = 0;
    while (k < n && chars < 10) {
        cp = ew__pii_decode(s, n, k, &l);
        if (kana ? is_kana(cp) : (is_han(cp) && (!stop_char(cp) || name_numeral(s, n, k, chars)))) {
            chars++;
            k += (size_t)l;
            end = k;
        } else if ((cp == ' ' || cp == 0x3000) && spaces == 0 && chars > 0) {
            spaces++;
            first_end = end, first_chars = chars;
            k += (size_t)l;
        } else {
            int l2; /* a stop character that ends the kanji ("拓也（") is the name's last */
            if (!kana && chars > 0 && is_han(cp) && k + (size_t)l <= n &&
                (k + (size_t)l == n || !is_han(ew__pii_decode(s, n, k + (size_t)l, &l2)))) {
                chars++;
                k += (size_t)l;
                end = k;
            }
            break;
        }
    }
    /* after a space, the second part must end cleanly and keep the name
     * short: "赵静　身份证号" is a name and a label, not one name */
    uint32_t after = k < n ? ew__pii_decode(s, n, k, &l) : 0;
    if (spaces && !kana &&
        ((end == k && (is_han(after) || after == ':' || after == 0xFF1A)) || chars > 5))
        end = first_end, chars = first_chars;
    if (chars < 2 || (!kana && chars > 5)) return 0;
    return end;
}

/* A name right after a cue: surname (1 or 2 chars) + 1-2 given characters;
 * with jp, also a Japanese name (no surname list holds those). */
static size_t name_after(pii_ctx *c, size_t i, bool jp)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    /* skip "：", ":", "是", "的", "人", "者", "は", "做" (我叫做), spaces */
    for (int guard = 0; guard < 4 && i < n; guard++) {
        int l;
        uint32_t cp = ew__pii_decode(s, n, i, &l);
        if (cp == 0xFF1A || cp == ':' || cp == ' ' || cp == 0x662F || cp == 0x7684 ||
            cp == 0x4EBA || cp == 0x8005 || cp == 0x306F || cp == 0x3000 || cp == 0x505A)
            i += (size_t)l;
        else if (jp && cp == 0x30AC && i + 6 <= n && !memcmp(s + i, "\xE3\x82\xAC\xE3\x83\x8A", 6))
            i += 6; /* the ガナ of フリガナ */
        else if (jp && cp == 0x5408 && i + 9 <= n &&
                 !memcmp(s + i, "\xE5\x90\x88\xE3\x82\x8F\xE3\x81\x9B", 9))
            i += 9; /* the 合わせ of 問い合わせ */
        else if (jp && cp == 0x5148)
            i += (size_t)l; /* the 先 of 連絡先 */
        else
            break;
    }
    if (!jp) { /* most words after a cue start with no surname */
        int l;
        uint32_t cp = i < n ? ew__pii_decode(s, n, i, &l) : 0;
        if (!cn_bit(cn_all_sur_bits, cp) && !cn_bit(cn_comp_bits, cp)) return 0;
    }
    hanpos h[5];
    int k = han_run(s, n, i, h, 5);
    int sl = k >= 2 ? cn_surname(h[0].cp, h[1].cp) : 0;
    size_t je = jp ? jp_name_end(s, n, i) : 0;
    if (!sl) {
        if (!je) return 0;
        ew__pii_add(c, EW_PII_PERSON, i, je, 0.8f);
        return je;
    }
    int len = sl;
    while (len < k && len < sl + 2 && !stop_char(h[len].cp))
        len++;
    if (len == sl) return 0;
    size_t e = len < k ? h[len].at : h[k - 1].at + 3;
    if (je > e) e = je; /* "吉田 直樹": a surname and a given name apart */
    ew__pii_add(c, EW_PII_PERSON, h[0].at, e, 0.85f);
    return e;
}

/* A Japanese name before an honorific at hon (様, さん): "清水大輔様",
 * "イトウ ナオキさん". One kanji alone (お客様, 皆様) is no name. */
static void jp_name_before(pii_ctx *c, size_t hon)
{
    const unsigned char *s = c->s;
    size_t st = hon;
    int chars = 0, spaces = 0;
    bool kana = false;
    while (st >= 3 && chars < 8) {
        int l;
        uint32_t cp = ew__pii_decode(s, c->n, st - 3, &l);
        if (l == 3 && chars == 0) kana = is_kana(cp);
        if (l == 3 && (kana ? is_kana(cp) : (is_han(cp) && !stop_char(cp)))) {
            st -= 3;
            chars++;
        } else if (chars > 0 && spaces == 0 && (s[st - 1] == ' ' || (l == 3 && cp == 0x3000))) {
            size_t sp = s[st - 1] == ' ' ? 1 : 3, p = st - sp;
            int pl; /* the space must stand between two parts of the name */
            uint32_t pc = p >= 3 ? ew__pii_decode(s, c->n, p - 3, &pl) : 0;
            if (!(kana ? is_kana(pc) : is_han(pc))) break;
            st = p;
            spaces++;
        } else {
            break;
        }
    }
    if (chars < 2 || (!kana && chars > 5)) return;
    ew__pii_add(c, EW_PII_PERSON, st, hon, 0.8f);
}

/* A name before an honorific at h: 张伟先生, 王小明女士, 李老师. */
static void name_before(pii_ctx *c, size_t hon)
{
    const unsigned char *s = c->s;
    for (int len = 4; len >= 1; len--) {
        if (hon < (size_t)len * 3) continue;
        size_t st = hon - (size_t)len * 3;
        hanpos h[4];
        if (han_run(s, hon, st, h, len) != len) continue;
        int sl = cn_surname(h[0].cp, len > 1 ? h[1].cp : 0);
        bool ok = sl != 0 && (len < 4 || sl == 2); /* four: 宇文金凤 */
        for (int k = 0; k < len && ok; k++)
            ok = !stop_char(h[k].cp);
        if (!ok) continue;
        /* the name must start at a boundary: not in the middle of Han text
         * unless after a particle or verb (是, 给, 和 ...) */
        if (st >= 3) {
            int l;
            uint32_t prev = ew__pii_decode(s, c->n, st - 3, &l);
            if (is_han(prev) && !stop_char(prev) && l == 3) continue;
        }
        ew__pii_add(c, EW_PII_PERSON, st, hon, len == 1 ? 0.6f : 0.8f);
        return;
    }
}

static bool addr_char(uint32_t cp)
{
    static const uint32_t ac[] = {0x7701, 0x5E02, 0x533A, 0x53BF, 0x9547, 0x6751, 0x8DEF, 0x8857,
                                  0x9053, 0x5DF7, 0x5F04, 0x91CC, 0x53F7, 0x5BA4, 0x697C, 0x680B,
                                  0x5355, 0x5143, 0x5C42, 0x5E62, 0x5927, 0x53A6, 0x56ED, 0x5C0F,
                                  /* traditional: 區 縣 鎮 鄉 號 樓 棟 段 */
                                  0x5340, 0x7E23, 0x93AE, 0x9109, 0x865F, 0x6A13, 0x68DF, 0x6BB5,
                                  /* Japanese blocks: 丁目 番地 条 */
                                  0x4E01, 0x76EE, 0x756A, 0x5730, 0x6761};
    for (size_t k = 0; k < sizeof ac / sizeof ac[0]; k++)
        if (ac[k] == cp) return true;
    return false;
}

/* A Chinese address run from i: Han characters, digits and '-' up to
 * punctuation; it must hold a road word (路 街 道 巷 弄) or 号. */
static size_t address_run(pii_ctx *c, size_t i, float sc)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = i, last = i;
    int road = 0, count = 0;
    while (k < n && count < 60) {
        int l;
        uint32_t cp = ew__pii_decode(s, n, k, &l);
        if (is_han(cp)) {
            /* 号 號, a village, an estate, a flat (室) */
            road += road_char(cp) || cp == 0x53F7 || cp == 0x865F || cp == 0x6751 || cp == 0x90A8 ||
                    cp == 0x5BA4 || block_char(cp);
            if (addr_char(cp)) last = k + (size_t)l;
        } else if (!(pii_is_alnum(cp) || cp == '-')) {
            break;
        }
        k += (size_t)l;
        count++;
    }
    if (!road || last <= i) return 0;
    /* a flat's number after the unit or the building: "2栋1单元703" */
    int l;
    uint32_t unit = ew__pii_decode(s, n, last - 3, &l);
    if (unit == 0x5143 || block_char(unit) || unit == 0x5EA7)
        while (last < k && (pii_is_digit(s[last]) || s[last] == '-'))
            last++;
    ew__pii_add(c, EW_PII_STREET_ADDRESS, i, last, sc);
    return last;
}

/* Hiragana particles: after a place they end it (東京都に住んで). */
static bool jp_particle(uint32_t cp)
{
    static const uint32_t p[] = {
        0x306B, 0x3067, 0x306F, 0x3092, 0x304C,
        0x3078, 0x3068, 0x3082, 0x3084, 0x304B}; /* に で は を が へ と も や か */
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
        if (p[k] == cp) return true;
    return false;
}

/* After a Japanese block number at e, a building and its floor: " クイーンズ
 * タワーA 7階", "　新宿ビル12F". Its end, or e. */
static size_t jp_building_floor(const unsigned char *s, size_t n, size_t e)
{
    size_t k = e;
    int l, chars = 0;
    if (k < n && s[k] == ' ')
        k++;
    else if (k + 3 <= n && ew__pii_decode(s, n, k, &l) == 0x3000) /* ideographic space */
        k += 3;
    else
        return e;
    while (k < n && chars < 20) { /* the building's name: kana, kanji, capitals */
        uint32_t cp = ew__pii_decode(s, n, k, &l);
        if (!(is_han(cp) || (cp >= 0x30A1 && cp <= 0x30FC) || pii_is_upper(cp))) break;
        k += (size_t)l;
        chars++;
    }
    if (!chars) return e;
    if (k < n && s[k] == ' ') k++;
    size_t d = k;
    while (d < n && pii_is_digit(s[d]) && d - k < 3)
        d++;
    if (d == k || d >= n) return e;
    if (s[d] == 'F') return d + 1;
    return d + 3 <= n && !memcmp(s + d, "\xE9\x9A\x8E", 3) ? d + 3 : e; /* 階 */
}

/* A Japanese address from i: an optional "〒100-0001", then kanji (with の
 * and ヶ) and a block number "2-21-1" or "4丁目11番14号"; its end or 0. */
static size_t jp_address(pii_ctx *c, size_t i, float sc)
{
    const unsigned char *s = c->s;
    size_t n = c->n, k = i, last = 0;
    int l, count = 0;
    bool digit = false, block = false;
    if (ew__pii_decode(s, n, k, &l) == 0x3012) { /* 〒 and a postcode */
        k += (size_t)l;
        size_t d = k;
        while (d < n && (pii_is_digit(s[d]) || (s[d] == '-' && d > k)) && d - k < 8)
            d++;
        if (d - k != 8 || s[k + 3] != '-') return 0;
        k = d;
        if (k < n && s[k] == ' ') k++;
        if (k + 3 <= n && ew__pii_decode(s, n, k, &l) == 0x3000) k += 3;
    }
    uint32_t prev = 0;
    bool hira = false;
    while (k < n && count < 48) {
        uint32_t cp = ew__pii_decode(s, n, k, &l);
        bool mark = cp == 0x4E01 || cp == 0x76EE || cp == 0x756A || cp == 0x53F7 || cp == 0x5730;
        if (pii_is_digit(cp)) {
            block |= !digit && prev == 0x753A; /* Kyoto's "東塩小路町673": the town's lot */
            digit = true;
            last = k + 1;
        } else if (cp == '-' && digit && k + 1 < n && pii_is_digit(s[k + 1])) {
            block = true;
        } else if (digit && mark) { /* 丁目 番 号 番地 */
            block = true;
            last = k + (size_t)l;
        } else if (digit && cp == 0x6761) { /* Sapporo's grid "北1条西2丁目": 条, then words */
            digit = false;
        } else if (!digit && (is_han(cp) || cp == 0x306E || (cp >= 0x30A1 && cp <= 0x30FC))) {
            ; /* kanji, の, katakana: 烏丸通七条下ル */
        } else if (!digit && cp >= 0x3041 && cp <= 0x3096 &&
                   (hira || (is_han(prev) && !jp_particle(cp)))) {
            hira = true; /* a place name in hiragana (みなとみらい), not a particle (都に) */
        } else {
            break;
        }
        hira &= cp >= 0x3041 && cp <= 0x3096;
        prev = cp;
        k += (size_t)l;
        count++;
    }
    if (!digit || !block || last <= i) return 0;
    last = jp_building_floor(s, n, last);
    ew__pii_add(c, EW_PII_STREET_ADDRESS, i, last, sc);
    return last;
}

/* A prefecture's 都 府 県 at p: the address starts up to three kanji before. */
static size_t jp_prefecture_address(pii_ctx *c, size_t p)
{
    size_t st = p;
    if (!ew__pii_digit_ahead(c, p, 60)) return 0; /* 都 is common in Chinese prose */
    for (int back = 0; back < 3 && st >= 3; back++) {
        int pl;
        uint32_t q = ew__pii_decode(c->s, c->n, st - 3, &pl);
        if (pl != 3 || !is_han(q) || stop_char(q)) break;
        st -= 3;
    }
    return st < p ? jp_address(c, st, 0.8f) : 0;
}

/* Delimiters in the line [a, b) of kind d (',' '\t' ';' '|'). */
static int count_delims(const unsigned char *s, size_t a, size_t b, unsigned char d)
{
    int k = 0;
    if (d == '|' || !memchr(s + a, '"', b - a)) {
        for (size_t p = a; p < b; p++)
            k += s[p] == d;
        return k;
    }
    bool quoted = false; /* CSV (RFC 4180): "Rua Augusta, 274" is one cell */
    for (size_t p = a; p < b; p++) {
        quoted ^= s[p] == '"';
        k += s[p] == d && !quoted;
    }
    return k;
}

/* Is the header cell [a, b) a person's name column? 2 for a Japanese one
 * (氏名, 名前), 1 for another ("姓名", "name"), else 0. */
static int name_header(const unsigned char *s, size_t a, size_t b)
{
    static const char *const heads[] = {"\xE6\xB0\x8F\xE5\x90\x8D",
                                        "\xE5\x90\x8D\xE5\x89\x8D",
                                        "\xE5\xA7\x93\xE5\x90\x8D",
                                        "\xE5\x90\x8D\xE5\xAD\x97",
                                        "\xE8\x81\x94\xE7\xB3\xBB\xE4\xBA\xBA",
                                        "\xE5\xAE\xA2\xE6\x88\xB7",
                                        "name",
                                        "full name",
                                        "full_name",
                                        "customer",
                                        "contact",
                                        "first_name",
                                        "last_name",
                                        "firstname",
                                        "lastname",
                                        "first name",
                                        "last name",
                                        "given_name",
                                        "family_name",
                                        "surname",
                                        "author",
                                        "assignee",
                                        "owner",
                                        "employee",
                                        "patient"};
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
        if (strlen(heads[h]) == b - a && !strncasecmp((const char *)s + a, heads[h], b - a))
            return h < 2 ? 2 : 1;
    return 0;
}

bool ew__pii_table_header(const pii_ctx *c, size_t i, size_t *ha, size_t *hb, unsigned char *delim)
{
    const unsigned char *s = c->s;
    size_t ls = c->line_start;
    if (i == 0 || ls == 0 || i < ls) return false;
    unsigned char p = s[i - 1], d = 0;
    if (p == '"' && i - 1 > ls) p = s[i - 2];               /* a quoted cell */
    if (p == ' ' && i - 1 > ls && s[i - 2] == '|') p = '|'; /* "| cell |" (Markdown) */
    if (p == ',' || p == '\t' || p == ';' || p == '|')
        d = p;
    else if (i != ls && !(s[i - 1] == '"' && i - 1 == ls))
        return false;
    /* a row's first cell is short: its delimiter comes within 48 bytes, on
     * its line (1: a delimiter, 2: the line's end) */
    static const uint8_t row_byte[256] = {[','] = 1, ['\t'] = 1, [';'] = 1, ['|'] = 1, ['\n'] = 2};
    for (size_t k = i, end = i + 48 < c->n ? i + 48 : c->n; !d && k < end; k++) {
        unsigned b = row_byte[s[k]];
        if (b == 2) break;
        if (b) d = s[k];
    }
    if (!d) return false;
    const unsigned char *nl = memchr(s + i, '\n', c->n - i);
    size_t le = nl ? (size_t)(nl - s) : c->n;
    if (le - ls > 1024) return false; /* no table row */
    int cells = count_delims(s, ls, le, d);
    if (!cells) return false;
    int col = count_delims(s, ls, i, d);
    size_t top = ls;
    for (int guard = 0; guard < 64 && top > 0 && ls - top < 4096; guard++) {
        size_t pe = top - 1, pb = pe; /* the line above: [pb, pe) */
        while (pb > 0 && s[pb - 1] != '\n' && pe - pb < 1024)
            pb--;
        if (pb > 0 && s[pb - 1] != '\n') break;
        if (count_delims(s, pb, pe, d) != cells) break;
        top = pb;
    }
    if (top == ls) return false;
    size_t te = top;
    while (te < c->n && s[te] != '\n' && te - top < 1024)
        te++;
    size_t a = top;
    for (int k = 0; k < col && a < te; a++)
        k += s[a] == d;
    size_t b = a;
    while (b < te && s[b] != d)
        b++;
    while (a < b && (s[a] == ' ' || s[a] == '"'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '"' || s[b - 1] == '\r'))
        b--;
    *ha = a, *hb = b, *delim = d;
    return true;
}

/* The cell at i of a table (delimited rows; the first row is the topmost
 * of the lines above with as many delimiters): 2 when that row names the
 * column with a Japanese word (氏名, 名前), 1 with another ("姓名",
 * "name"), 0 when it is no name column or i is in no table. *delim gets the
 * delimiter. The look-up is bounded (4 KiB up, 1 KiB rows). */
static int name_column(const pii_ctx *c, size_t i, unsigned char *delim)
{
    size_t a, b;
    return ew__pii_table_header(c, i, &a, &b, delim) ? name_header(c->s, a, b) : 0;
}

bool ew__pii_name_column(const pii_ctx *c, size_t i)
{
    unsigned char d;
    return name_column(c, i, &d) != 0;
}

int ew__pii_column_kind(const pii_ctx *c, size_t i)
{
    static const char *const heads[] = {
        "city",     "town",         "country",      "state",  "region",     "company", "employer",
        "location", "place",        "site",         "office", "department", "team",    "brand",
        "product",  "organisation", "organization", "vendor", "supplier"};
    size_t a, b;
    unsigned char d;
    if (!ew__pii_table_header(c, i, &a, &b, &d)) return 0;
    if (name_header(c->s, a, b)) return 1;
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
        if (strlen(heads[h]) == b - a && !strncasecmp((const char *)c->s + a, heads[h], b - a))
            return 2;
    return 0;
}

/* A Chinese or Japanese name as a cell of a name column ("姓名,身份证号,手机\n
 * 周秀英,5101..."). Chinese names need a known surname. Returns the end or 0. */
static size_t table_name_cell(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    unsigned char d = 0;
    int head = name_column(c, i, &d);
    if (!head) return 0;
    hanpos h[2];
    if (head == 1 && (han_run(s, c->n, i, h, 2) < 2 || !cn_surname(h[0].cp, h[1].cp))) return 0;
    size_t e = jp_name_end(s, c->n, i);
    if (!e || (e < c->n && s[e] != d && s[e] != '"' && s[e] != '\n' && s[e] != '\r')) return 0;
    ew__pii_add(c, EW_PII_PERSON, i, e, 0.8f);
    return e;
}

/* ---- Korean names ----------------------------------------------------------- */
static bool is_hangul(uint32_t cp)
{
    return cp - 0xAC00u < 0x2BA4u;
}

/* The commonest Korean surnames (one syllable; they cover most people). */
static bool ko_surname(uint32_t cp)
{
    static const char sur[] =
        "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우"
        "구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국";
    for (size_t k = 0; k + 3 <= sizeof sur - 1; k += 3) {
        uint32_t v = ((uint32_t)(sur[k] & 0x0F) << 12) | ((uint32_t)(sur[k + 1] & 0x3F) << 6) |
                     (uint32_t)(sur[k + 2] & 0x3F);
        if (v == cp) return true;
    }
    return false;
}

/* Does [i, ...) begin with one of the words that follow a Korean name: the
 * honorifics 님 and 씨, 드림 (a letter's "from"), 입니다 ("I am X")? */
static bool ko_after_name(const unsigned char *s, size_t n, size_t i)
{
    static const char *const after[] = {"\xEB\x8B\x98", "\xEC\x94\xA8", "\xEB\x93\x9C\xEB\xA6\xBC",
                                        "\xEC\x9E\x85\xEB\x8B\x88\xEB\x8B\xA4"};
    if (i < n && s[i] == ' ') i++;
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
        size_t l = strlen(after[k]);
        if (i + l <= n && !memcmp(s + i, after[k], l)) return true;
    }
    return false;
}

/* A label or phrase that introduces a Korean name, ending right before i
 * (with ':' and spaces between): 이름, 성명, 담당자, 고객, 저는. */
static bool ko_cue_before(const unsigned char *s, size_t i)
{
    static const char *const cues[] = {"\xEC\x9D\xB4\xEB\xA6\x84", "\xEC\x84\xB1\xEB\xAA\x85",
                                       "\xEB\x8B\xB4\xEB\x8B\xB9\xEC\x9E\x90",
                                       "\xEA\xB3\xA0\xEA\xB0\x9D", "\xEC\xA0\x80\xEB\x8A\x94"};
    size_t k = i;
    while (k > 0 && i - k < 3 && (s[k - 1] == ' ' || s[k - 1] == ':'))
        k--;
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        size_t l = strlen(cues[c]);
        if (k >= l && !memcmp(s + k - l, cues[c], l)) return true;
    }
    return false;
}

/* A Korean name at i: a surname and one or two syllables, introduced by a
 * cue or followed by an honorific ("이름: 김민준", "오수아 님", "저는
 * 조지우입니다"). Returns its end, or 0. */
static size_t ko_name(pii_ctx *c, size_t i, uint32_t cp)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (!ko_surname(cp) || (i >= 3 && s[i - 1] >= 0x80 && s[i - 3] >= 0xEA && s[i - 3] <= 0xED))
        return 0; /* not the first syllable of a word */
    int syl = 1;
    size_t e = i + 3;
    while (syl < 4 && e + 3 <= n) {
        int l;
        if (!is_hangul(ew__pii_decode(s, n, e, &l))) break;
        e += 3;
        syl++;
    }
    bool cue = ko_cue_before(s, i);
    for (int len = 3; len >= 2; len--) {
        if (syl < len) continue;
        size_t ne = i + 3 * (size_t)len;
        int l;
        bool word_ends = ne >= n || !is_hangul(ew__pii_decode(s, n, ne, &l));
        if (ko_after_name(s, n, ne) || (cue && word_ends && len == 3)) {
            ew__pii_add(c, EW_PII_PERSON, i, ne, 0.85f);
            return ne;
        }
    }
    return 0;
}

/* A Korean road address whose road name ends at i + 3 (로 or 길, then a
 * space and the building number): back over up to four words of the
 * province, city and district (ending 시 도 구 군 읍 면 동), on over the number
 * and ", 101동 1009호" or " 3층". Its end, or 0 without such a word. */
static size_t ko_address(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n, st = i, e = i + 4;
    int admin = 0, l;
    while (st >= 3 && is_hangul(ew__pii_decode(s, n, st - 3, &l)))
        st -= 3; /* the road word's start */
    for (int w = 0; w < 4 && st >= 4 && s[st - 1] == ' '; w++) {
        uint32_t last = ew__pii_decode(s, n, st - 4, &l);
        if (l != 3 || !(last == 0xC2DC || last == 0xB3C4 || last == 0xAD6C || last == 0xAD70 ||
                        last == 0xC74D || last == 0xBA74 || last == 0xB3D9))
            break;
        size_t ws = st - 4;
        while (ws >= 3 && is_hangul(ew__pii_decode(s, n, ws - 3, &l)))
            ws -= 3;
        st = ws;
        admin++;
    }
    if (!admin) return 0;
    while (e < n && (pii_is_digit(s[e]) || (s[e] == '-' && e + 1 < n && pii_is_digit(s[e + 1]))))
        e++;
    /* ", 103동 1009호", " 3층", " 1204호" */
    for (int part = 0; part < 2; part++) {
        size_t p = e;
        if (p < n && s[p] == ',') p++;
        if (p >= n || s[p] != ' ') break;
        p++;
        size_t d = p;
        while (d < n && pii_is_digit(s[d]))
            d++;
        uint32_t u = d > p && d + 3 <= n ? ew__pii_decode(s, n, d, &l) : 0;
        if (u != 0xB3D9 && u != 0xD638 && u != 0xCE35) break; /* 동 호 층 */
        e = d + 3;
    }
    ew__pii_add(c, EW_PII_STREET_ADDRESS, st, e, 0.8f);
    return e;
}

/* The class of the three-byte character at i (HAN_OTHER for anything else). */
static inline unsigned han_cls_at(const unsigned char *s, size_t n, size_t i)
{
    if (i + 3 > n || (s[i] & 0xF0) != 0xE0 || ((s[i + 1] ^ 0x80) | (s[i + 2] ^ 0x80)) >= 0x40)
        return HAN_OTHER;
    uint32_t cp =
        ((uint32_t)(s[i] & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return han_cls[cp];
}

/* Moves *k past the three-byte characters whose class is odd (plain, a
 * surname: the skip loop goes on at once) and returns the class where it
 * stopped (han_cls_at's answer there). One four-byte load a character:
 * three bytes E0-EF 80-BF 80-BF, the code point from the load; at the
 * text's last three bytes, or without a little-endian load, han_cls_at. */
static inline unsigned han_odd_skip(const unsigned char *s, size_t n, size_t *k)
{
    size_t i = *k;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 4 <= n; i += 3) {
        uint32_t v;
        memcpy(&v, s + i, 4);
        unsigned cls = (v & 0xC0C0F0u) != 0x8080E0u
                           ? HAN_OTHER
                           : han_cls[(v << 12 & 0xF000) | (v >> 2 & 0xFC0) | (v >> 16 & 0x3F)];
        if (!(cls & 1)) {
            *k = i;
            return cls;
        }
    }
#endif
    *k = i;
    return han_cls_at(s, n, i);
}

/* May the cue's first character (HAN_CUE) or the road word (HAN_ADDR) at k
 * go on: the rest of its cue after it, a digit (or 中 东 西 南 北 and a
 * digit: 德輔道中743號) after a road? */
static inline __attribute__((always_inline)) bool han_more(const unsigned char *s, size_t n,
                                                           size_t k, unsigned cls)
{
    size_t p = k + 3;
    if (cls == HAN_ADDR) {
        if (p < n && pii_is_digit(s[p])) return true;
        return p + 3 < n && (s[p] & 0xF0) == 0xE0 && pii_is_digit(s[p + 3]);
    }
    if (p < n && pii_is_digit(s[p])) return true; /* 楼 of 楼主 and of 3楼 */
    if (p + 3 > n || (s[p] & 0xF0) != 0xE0) return false;
    uint32_t cp =
        ((uint32_t)(s[p] & 0x0F) << 12) | ((uint32_t)(s[p + 1] & 0x3F) << 6) | (s[p + 2] & 0x3F);
    if (!cn_bit(cue_second, cp)) return false;
    uint32_t a =
        ((uint32_t)(s[k] & 0x0F) << 12) | ((uint32_t)(s[k + 1] & 0x3F) << 6) | (s[k + 2] & 0x3F);
    return cue_find(a, cp) >= 0;
}

/* A Latin cue right before i ("My name is 王洋磊", "Dear 胡兰磊", "Ich heiße
 * 赵英"): a Chinese name in text of another language. */
static bool latin_name_cue_before(const pii_ctx *c, size_t i)
{
    if ((c->name_next_at != CUE_NONE && i >= c->name_next_at && i - c->name_next_at <= 2) ||
        (c->title_at != CUE_NONE && i >= c->title_at && i - c->title_at <= 2))
        return true;
    static const char heisse[] = "hei\xC3\x9F"
                                 "e ";
    size_t hl = sizeof heisse - 1;
    return i >= hl && c->s[i - 1] == ' ' && !memcmp(c->s + i - hl, heisse, hl);
}

/* Characters that may follow a name in running text: a particle or verb of
 * the stop list, or 打 回 负(责) 发 告 觉 认 刚 等 写 做 看 出 参 收 签 拿 带 一(起)
 * 上 下 老(师) 先(生), the particles 吧 呢 吗 啊 呀, the verbs of news and
 * messages (转账, 报, 共同, 表示, 称, 指出, 透露, 介绍, 宣布, 提, 谈), 同(志). */
static bool cn_after_name(uint32_t cp)
{
    static const uint32_t fo[] = {0x6253, 0x56DE, 0x8D1F, 0x53D1, 0x544A, 0x89C9, 0x8BA4, 0x521A,
                                  0x7B49, 0x5199, 0x505A, 0x770B, 0x51FA, 0x53C2, 0x6536, 0x7B7E,
                                  0x62FF, 0x5E26, 0x4E00, 0x4E0A, 0x4E0B, 0x8001, 0x5148,
                                  /* 吧 呢 吗 啊 呀, 转(账) 报 共(同) 表(示) 称 指(出) 透(露)
                                   * 介(绍) 宣(布) 提 谈 同(志) */
                                  0x5427, 0x5462, 0x5417, 0x554A, 0x5440, 0x8F6C, 0x62A5, 0x5171,
                                  0x8868, 0x79F0, 0x6307, 0x900F, 0x4ECB, 0x5BA3, 0x63D0, 0x8C08,
                                  0x540C, 0x5C06, 0x6628}; /* 同(志) 将 昨(天) */
    if (!is_han(cp) || stop_char(cp)) return true;
    for (size_t k = 0; k < sizeof fo / sizeof fo[0]; k++)
        if (fo[k] == cp) return true;
    return false;
}

static bool cn_word_pair(uint32_t a, uint32_t b)
{
    const unsigned char *p = (const unsigned char *)cn_words;
    for (size_t k = 0; p[k]; k += 6) {
        uint32_t x = ((uint32_t)(p[k] & 0x0F) << 12) | ((uint32_t)(p[k + 1] & 0x3F) << 6) |
                     (p[k + 2] & 0x3F);
        uint32_t y = ((uint32_t)(p[k + 3] & 0x0F) << 12) | ((uint32_t)(p[k + 4] & 0x3F) << 6) |
                     (p[k + 5] & 0x3F);
        if (x == a && y == b) return true;
    }
    return false;
}

/* A Chinese name with no cue at i, which starts a run of Han text or follows
 * a gate word: a common surname, one or two given-name
 * characters, then a particle, a verb or the end of the Han text; its end or
 * 0. */
static __attribute__((noinline)) size_t cn_free_name(pii_ctx *c, size_t i)
{
    hanpos h[5];
    int k = han_run(c->s, c->n, i, h, 2);
    if (k < 2) return 0;
    int sl = cn_surname(h[0].cp, h[1].cp);
    if (!sl || (sl == 1 && !cn_bit(cn_given_bits, h[1].cp))) return 0; /* most words end here */
    k = han_run(c->s, c->n, i, h, 5);
    int len = sl; /* the surname, then one or two given-name characters */
    while (len < k && len < sl + 2 && cn_bit(cn_given_bits, h[len].cp) && !stop_char(h[len].cp))
        len++;
    if (len == sl || (sl == 1 && cn_word_pair(h[0].cp, h[1].cp))) return 0;
    size_t e = len < k ? h[len].at : h[k - 1].at + 3;
    int l;
    if (e < c->n && !cn_after_name(ew__pii_decode(c->s, c->n, e, &l))) return 0;
    ew__pii_add(c, EW_PII_PERSON, i, e, 0.6f);
    return e;
}

/* Is cp punctuation that may stand around a name: ASCII punctuation and
 * space, CJK punctuation (、。「」【】), full-width forms that are no letter
 * or digit (，：（）)? */
static bool cn_name_delim(uint32_t cp)
{
    if (cp < 0x80) return !pii_is_alnum(cp);
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2010 && cp <= 0x2027);
}

/* The end of a name that fills the Han run at i on its own: a surname of the
 * full list, one or two characters no particle, the run over after them;
 * with given, those must be given-name characters. 0 when it is none. */
static size_t cn_whole_name(const pii_ctx *c, size_t i, bool given)
{
    hanpos h[5];
    if (han_run(c->s, c->n, i, h, 2) < 2) return 0;
    int sl = cn_surname(h[0].cp, h[1].cp);
    if (!sl || (given && sl == 1 && !cn_bit(cn_given_bits, h[1].cp))) return 0;
    int k = han_run(c->s, c->n, i, h, 5);
    if (k < 2 || k > 4) return 0;
    if (k - sl < 1 || k - sl > 2 || (sl == 1 && cn_word_pair(h[0].cp, h[1].cp))) return 0;
    for (int j = sl; j < k; j++) /* 一 may start a given name (尚一诺), not end it */
        if ((stop_char(h[j].cp) && !(h[j].cp == 0x4E00 && j + 1 < k)) ||
            (given && !cn_bit(cn_given_bits, h[j].cp)))
            return 0;
    return h[k - 1].at + 3;
}

/* A name alone between punctuation (a list "边宇轩、沈凯、华天佑", a chat
 * speaker "齐德明：", "（张伟）" after a Latin name, "notes: 冯芳 will"):
 * given-name characters after any listed surname; its end or 0. */
static __attribute__((noinline)) size_t cn_isolated_name(pii_ctx *c, size_t i)
{
    int l;
    if (i > 0 && !cn_name_delim(ew__pii_decode(c->s, c->n, i - (c->s[i - 1] < 0x80 ? 1 : 3), &l)))
        return 0;
    size_t e = cn_whole_name(c, i, true);
    if (!e || (e < c->n && !cn_name_delim(ew__pii_decode(c->s, c->n, e, &l)))) return 0;
    ew__pii_add(c, EW_PII_PERSON, i, e, 0.6f);
    return e;
}

/* Does the Han run before a colon at k end in a word for a person: 人 者 员
 * 师 属 主 士 官 客 户 长 (收货人, 患者, 业务员, 主治医师, 家属, 业主, 护士,
 * 顾客, 客户, 组长), 名 after 姓 户 签 文 全 真 (户名, 中文名), 家 after 买 卖
 * (买家), 生 after 医 学 考 (医生, 学生), 方 after 甲 乙 (a contract's parties),
 * 告 after 原 被 (a court's)? Form labels then hold a name. */
static bool person_label_before(const unsigned char *s, size_t k)
{
    static const uint32_t suffix[] = {0x4EBA, 0x8005, 0x5458, 0x54E1, 0x5E08, 0x5E2B,
                                      0x5C5E, 0x5C6C, 0x4E3B, 0x58EB, 0x5B98, 0x5BA2,
                                      0x6237, 0x6236, 0x957F, 0x9577};
    static const struct {
        uint32_t last;
        const char *before;
    } pairs[] = {{0x540D, "姓户戶签簽文全真"},
                 {0x5BB6, "买買卖賣"},
                 {0x751F, "医醫学學考"},
                 {0x65B9, "甲乙丙丁"},
                 {0x544A, "原被"}};
    int l;
    /* "出租方（甲方）：": the label in the parentheses */
    if (k >= 9 && !memcmp(s + k - 3, "\xEF\xBC\x89", 3))
        k -= 3;
    else if (k >= 7 && s[k - 1] == ')')
        k -= 1;
    if (k < 6) return false;
    uint32_t last = ew__pii_decode(s, k, k - 3, &l), prev = ew__pii_decode(s, k, k - 6, &l);
    if (!is_han(prev)) return false;
    for (size_t j = 0; j < sizeof suffix / sizeof suffix[0]; j++)
        if (suffix[j] == last) return true;
    for (size_t j = 0; j < sizeof pairs / sizeof pairs[0]; j++) {
        if (pairs[j].last != last) continue;
        const unsigned char *b = (const unsigned char *)pairs[j].before;
        for (; *b; b += 3)
            if (!memcmp(b, s + k - 6, 3)) return true;
    }
    return false;
}

/* A name as the value of a form label that names a person (审批人：东方桂英,
 * 主治医师: 尚一诺) at k, the colon; its end or 0. */
static __attribute__((noinline)) size_t cn_label_name(pii_ctx *c, size_t k)
{
    const unsigned char *s = c->s;
    size_t n = c->n, v = k + (s[k] == ':' ? 1 : 3);
    if (!person_label_before(s, k)) return 0;
    while (v < n && s[v] == ' ')
        v++;
    size_t e = cn_whole_name(c, v, false);
    int l;
    if (!e || (e < n && pii_is_alnum(ew__pii_decode(s, n, e, &l)))) return 0;
    ew__pii_add(c, EW_PII_PERSON, v, e, 0.8f);
    return e;
}

static bool cn_bit_at_sur(const unsigned char *s, size_t n, size_t i)
{
    int l;
    return cn_bit(cn_sur_bits, ew__pii_decode(s, n, i, &l));
}

/* May a name start at the surname at i: a given-name character after it, or
 * the second character of a compound surname? One table lookup for most
 * words. */
static inline bool name_may_go_on(const unsigned char *s, size_t n, size_t i)
{
    size_t p = i + 3;
    if (p + 3 > n || (s[p] & 0xF0) != 0xE0) return false;
    uint32_t cp =
        ((uint32_t)(s[p] & 0x0F) << 12) | ((uint32_t)(s[p + 1] & 0x3F) << 6) | (s[p + 2] & 0x3F);
    return cn_bit(cn_given_bits, cp) || cn_bit(cn_comp2_bits, cp);
}

/* Is the character at e the first of a verb of speech (表 指 透 认 强 介 回 坦
 * 说 称, and their Traditional forms)? One table lookup. */
static inline bool speech_at(const unsigned char *s, size_t n, size_t e)
{
    if (e + 3 > n || (s[e] & 0xF0) != 0xE0) return false;
    uint32_t v =
        ((uint32_t)(s[e] & 0x0F) << 12) | ((uint32_t)(s[e + 1] & 0x3F) << 6) | (s[e + 2] & 0x3F);
    return cn_bit(speech_bits, v);
}

/* A name of three characters that starts a sentence before a verb of speech
 * (news: "曹德旺表示", "钟睒睒指出"): any given-name characters, the last no
 * organisation's word (商务部, 卫健委 are no people). Its end or 0; the verb
 * is compared first, so most runs cost a few byte compares. */
static __attribute__((noinline)) size_t cn_speaker_name(pii_ctx *c, size_t i)
{
    /* the verbs, as (first, second) characters; a second of 0: one character */
    static const uint32_t verbs[][2] = {
        {0x8868, 0x793A}, {0x6307, 0x51FA}, {0x900F, 0x9732}, {0x8BA4, 0x4E3A}, {0x5F3A, 0x8C03},
        {0x5F37, 0x8ABF}, {0x4ECB, 0x7ECD}, {0x56DE, 0x5E94}, {0x5766, 0x8A00}, {0x8868, 0x6001},
        {0x8868, 0x614B}, {0x8BF4, 0},      {0x8AAA, 0},      {0x79F0, 0},      {0x7A31, 0}};
    static const char org[] = "部委局厅院司会所队行社报台网团组处科办署室馆厂店";
    const unsigned char *s = c->s;
    size_t n = c->n, e = i + 9;
    if (e + 3 > n || (s[e] & 0xF0) != 0xE0) return 0;
    uint32_t v = ((uint32_t)(s[e] & 0x0F) << 12) | ((uint32_t)(s[e + 1] & 0x3F) << 6) |
                 (s[e + 2] & 0x3F),
             v2 = 0;
    bool verb = false;
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0] && !verb; k++) {
        if (verbs[k][0] != v) continue;
        if (verbs[k][1] && !v2 && e + 6 <= n) {
            int l;
            v2 = ew__pii_decode(s, n, e + 3, &l);
        }
        verb = !verbs[k][1] || verbs[k][1] == v2;
    }
    if (!verb) return 0;
    hanpos h[3];
    if (han_run(s, n, i, h, 3) != 3 || cn_surname(h[0].cp, h[1].cp) != 1 || stop_char(h[1].cp) ||
        stop_char(h[2].cp) || cue_find(h[1].cp, h[2].cp) >= 0) /* 张经理说: a title */
        return 0;
    for (size_t k = 0; k + 3 <= sizeof org - 1; k += 3)
        if (!memcmp(s + h[2].at, org + k, 3)) return 0;
    ew__pii_add(c, EW_PII_PERSON, i, e, 0.6f);
    return e;
}

/* Does a Han run start at i (text, ASCII or punctuation before it)? */
static inline bool han_run_start(const unsigned char *s, size_t i)
{
    if (i < 3 || s[i - 1] < 0x80) return true;
    if ((s[i - 3] & 0xF0) != 0xE0) return true;
    uint32_t cp = ((uint32_t)(s[i - 3] & 0x0F) << 12) | ((uint32_t)(s[i - 2] & 0x3F) << 6) |
                  (s[i - 1] & 0x3F);
    return !is_han(cp);
}

static size_t cjk_at(pii_ctx *c, size_t i)
{
    const unsigned char *s = c->s;
    size_t n = c->n;
    if (latin_name_cue_before(c, i)) {
        size_t r = name_after(c, i, true);
        if (r) return r;
    }
    if (i > 0 && (c->s[i - 1] < 0x80)) { /* a cell of a table */
        size_t r = table_name_cell(c, i);
        if (r) return r;
    }
    /* a run of Han characters that start no cue: skip it in one loop; a
     * name with no cue may start it or follow a word such as 和 or 给 */
    unsigned cls = han_cls_at(s, n, i);
    if (cls == HAN_CUE || cls == HAN_ADDR) {
        if (cls == HAN_CUE && han_run_start(s, i) && name_may_go_on(s, n, i)) { /* 单俊熙： */
            int l1, l2;
            if (cn_surname(ew__pii_decode(s, n, i, &l1), ew__pii_decode(s, n, i + 3, &l2))) {
                size_t r = cn_isolated_name(c, i);
                if (r) return r;
            }
        }
        cls = han_more(s, n, i, cls) ? HAN_OTHER : HAN_PLAIN;
    }
    if (cls != HAN_OTHER) {
        size_t k = i;
        if ((cls == HAN_SURNAME || cls == HAN_SUR_RARE ||
             (cls == HAN_GATE && cn_bit_at_sur(s, n, i))) &&
            han_run_start(s, i) && name_may_go_on(s, n, i)) { /* 周 and 谢 are gates and surnames */
            size_t r = cn_free_name(c, i);
            if (r) return r;
            if (cls != HAN_GATE && (r = cn_isolated_name(c, i)) != 0) return r;
        }
        if ((cls == HAN_SURNAME || cls == HAN_SUR_RARE) && speech_at(s, n, i + 9) &&
            han_run_start(s, i)) {
            size_t r = cn_speaker_name(c, i); /* 钟睒睒表示 */
            if (r) return r;
        }
        for (;;) {
            if (cls == HAN_GATE) {
                unsigned nx = han_cls_at(s, n, k + 3);
                if (nx == HAN_SURNAME || nx == HAN_SUR_RARE) {
                    size_t r = cn_free_name(c, k + 3);
                    if (r) return r;
                }
            }
            k += 3;
            /* plain, a surname, a cue's or a road's first character that
             * nothing continues */
            while ((cls = han_odd_skip(s, n, &k)) & 1 ||
                   ((cls == HAN_CUE || cls == HAN_ADDR) && !han_more(s, n, k, cls)))
                k += 3;
            if (cls == HAN_GATE) continue;
            /* a form label before a colon: "审批人：东方桂英" */
            if (k < n && (s[k] == ':' || (k + 3 <= n && !memcmp(s + k, "\xEF\xBC\x9A", 3)))) {
                size_t r = cn_label_name(c, k);
                if (r) return r;
            }
            return k;
        }
    }
    int l;
    uint32_t cp = ew__pii_decode(s, n, i, &l);
    size_t next = i + (size_t)l;
    if (cp == 0x20AC || cp == 0xFFE5 || cp == 0x5143) /* € ￥ 元 */
        c->cue_at[CUE_PRICE] = (uint32_t)next;
    /* a Japanese name after a greeting ("はじめまして、", "こんにちは、") or
     * before "と申します" */
    if (cp == 0x3001 && i >= 9 &&
        (!memcmp(s + i - 9, "\xE3\x81\xBE\xE3\x81\x97\xE3\x81\xA6", 9) ||
         !memcmp(s + i - 9, "\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF", 9))) {
        size_t r = name_after(c, next, true);
        return r ? r : next;
    }
    if (cp == 0x3068 && next + 3 <= n && !memcmp(s + next, "\xE7\x94\xB3", 3)) {
        jp_name_before(c, i); /* 〜と申します */
        return next;
    }
    if (cp == 0x69D8) { /* 様 */
        jp_name_before(c, i);
        return next;
    }
    if (cp == 0x3012) { /* 〒 */
        size_t r = jp_address(c, i, 0.85f);
        return r ? r : next;
    }
    if (cp == 0x90FD || cp == 0x5E9C || cp == 0x770C || /* 都 府 県, 北海道 */
        (cp == 0x9053 && i >= 6 && !memcmp(s + i - 6, "\xE5\x8C\x97\xE6\xB5\xB7", 6))) {
        size_t r = jp_prefecture_address(c, i);
        if (r) return r;
    }
    if ((cp == 0xB85C || cp == 0xAE38 || cp == 0xB3D9) && next + 1 < n && s[next] == ' ' &&
        pii_is_digit(s[next + 1])) { /* 로 길, a lot number after 동 ("역삼동 737-32") */
        size_t r = ko_address(c, i);
        if (r) return r;
    }
    if (cp == 0xC5EC && next + 3 <= n && !memcmp(s + next, "\xEA\xB6\x8C", 3))
        c->cue_at[CUE_PASSPORT] = (uint32_t)(next + 3); /* 여권 */
    if (is_hangul(cp)) {
        size_t r = ko_name(c, i, cp);
        if (r) return r;
    }
    /* katakana, hangul, Devanagari, Bengali and Thai secret cues (パスワード,
     * 비밀번호, पासवर्ड, পাসওয়ার্ড, รหัสผ่าน; パスポート is the table's), and the ậ of Vietnamese
     * "mật khẩu" */
    if (!is_han(cp) &&
        (cp - 0x30A0u < 0x60u || cp - 0xAC00u < 0x2BA4u || cp == 0x1EAD || cp - 0x0900u < 0xF00u)) {
        /* Devanagari to Khmer (the translations' password words), Thai */
        size_t r = ew__pii_scan_kana_cue(c, i, cp);
        if (r) return r;
    }
    if (cp == 0xFF1A && i >= 3 && (s[i - 1] == ')' || !memcmp(s + i - 3, "\xEF\xBC\x89", 3))) {
        size_t r = cn_label_name(c, i); /* 承租方（乙方）：苏依依 */
        if (r) return r;
    }
    if ((!is_han(cp) && !is_kana(cp) && cp != 0x3055) || next >= n) return next;
    int l2;
    uint32_t cp2 = ew__pii_decode(s, n, next, &l2);
    if (cp == 0x3055) { /* さん */
        if (cp2 == 0x3093) jp_name_before(c, i);
        return next;
    }
    bool road = road_char(cp);
    if (!(cue_first[cp >> 3] & (1u << (cp & 7))) && !road && !addr_trigger(cp)) return next;
    int found = cue_find(cp, cp2);
    if (found < 0 && !road && han_run_start(s, i) && cn_surname(cp, cp2)) {
        size_t r = cn_isolated_name(c, i);
        if (r) return r;
    }
    if (found >= 0) {
        size_t k = (size_t)found;
        size_t e = next + (size_t)l2;
        int cue = cjk_cues[k].cue;
        if (cue == CJ_NAME_NEXT) {
            c->cue_at[CUE_NAME] = (uint32_t)e;
            /* "收件地址", "收件电话", "收件手机": another label follows, no name */
            if (e + 6 <= n && (!memcmp(s + e, "\xE5\x9C\xB0\xE5\x9D\x80", 6) ||
                               !memcmp(s + e, "\xE7\x94\xB5\xE8\xAF\x9D", 6) ||
                               !memcmp(s + e, "\xE6\x89\x8B\xE6\x9C\xBA", 6) ||
                               !memcmp(s + e, "\xE9\x9B\xBB\xE8\xA9\xB1", 6) ||
                               !memcmp(s + e, "\xE6\x89\x8B\xE6\xA9\x9F", 6)))
                return e;
            /* Japanese cues (katakana, 氏名, 名前, 担当, 問い, 連絡) also take
             * names no surname list holds */
            size_t r = name_after(c, e,
                                  (cp >= 0x30A0 && cp <= 0x30FF) || cp == 0x6C0F || cp == 0x540D ||
                                      cp == 0x62C5 || cp == 0x554F || cp == 0x9023);
            return r ? r : e;
        }
        if (cue == CJ_HONORIFIC) {
            name_before(c, i);
            return e;
        }
        c->cue_at[cue] = (uint32_t)e;
        if (cue == CUE_ADDRESS) {
            size_t a = e;
            /* the rest of a label: 现住|址：, 住址|栏: */
            for (size_t q = a, h = 0; h < 2 && q + 3 <= n && is_han(ew__pii_decode(s, n, q, &l));
                 h++) {
                q += 3;
                if (q < n && (s[q] == ':' || (q + 3 <= n && !memcmp(s + q, "\xEF\xBC\x9A", 3)))) {
                    a = q;
                    break;
                }
            }
            while (a < n && (s[a] == ':' || s[a] == ' ' ||
                             (a + 3 <= n && !memcmp(s + a, "\xEF\xBC\x9A", 3)) ||
                             (a + 3 <= n && !memcmp(s + a, "\xE6\x98\xAF", 3))))
                a += s[a] < 0x80 ? 1 : 3;
            size_t r = address_run(c, a, 0.85f);
            return r ? r : e;
        }
        if (cue == CUE_SECRET) {
            size_t r = ew__pii_cjk_secret_value(c, e, true);
            if (r) return r;
        }
        return e;
    }
    /* "...路88号" without a cue, "德輔道中743號" (a direction after the road), a
     * village's house "王庄村12号", an estate's block "禾輋邨豐盛樓23樓" */
    bool dir = cp2 == 0x4E2D || cp2 == 0x4E1C || cp2 == 0x6771 || cp2 == 0x897F || cp2 == 0x5357 ||
               cp2 == 0x5317; /* 中 东 東 西 南 北 */
    if ((pii_is_digit(cp2) || (dir && road && next + 3 < n && pii_is_digit(s[next + 3]))) &&
        (road || addr_trigger(cp))) {
        size_t st = i;
        int back = 0;
        /* walk back over Han characters that may be part of the address */
        for (; back < 16 && st >= 3; back++) {
            int pl;
            uint32_t p = ew__pii_decode(s, n, st - 3, &pl);
            /* numerals name roads and sections: 文一西路, 忠孝東路四段; a
             * particle may start a road after the district (江汉区和平里) */
            if (pl != 3 || !is_han(p)) break;
            if (stop_char(p) && !han_numeral(p) &&
                !(st >= 6 && admin_char(ew__pii_decode(s, n, st - 6, &pl))))
                break;
            st -= 3;
        }
        /* a road needs its name; a block or an estate's number more of the place */
        if (back >= (road || cp == 0x6751 || cp == 0x90A8 ? 1 : 4) ||
            (road && (i == 0 || !pii_is_digit(s[i - 1])))) {
            size_t r = address_run(c, st, 0.75f);
            if (r) return r;
        }
    }
    return next;
}

/* 。 ， ？ ！ at k: a clause's end, which cjk_at passes over doing nothing
 * (no reader, no cue starts with it), unless a Latin cue (latin_name_cue_before)
 * or a table's cell (an ASCII byte before it) makes it read. */
static inline bool quiet_clause_mark(const pii_ctx *c, size_t k)
{
    const unsigned char *s = c->s;
    if (k + 3 > c->n || s[k - 1] < 0x80) return false;
    bool mark = s[k] == 0xE3 ? s[k + 1] == 0x80 && s[k + 2] == 0x82
                             : s[k] == 0xEF && s[k + 1] == 0xBC &&
                                   (s[k + 2] == 0x8C || s[k + 2] == 0x9F || s[k + 2] == 0x81);
    return mark && han_cls_at(s, c->n, k) == HAN_OTHER && !latin_name_cue_before(c, k);
}

/* Han text from i: cjk_at, then on at once through a clause's end into the
 * next clause when the walk would hand both to this function (a clause of
 * Chinese prose is one call, not three: the mark, the walk's dispatch and
 * the next call are skipped). */
size_t ew__pii_scan_cjk(pii_ctx *c, size_t i)
{
    for (;;) {
        /* a mark at i itself (the last of a paragraph's clauses): past it */
        size_t e = i > 0 && quiet_clause_mark(c, i) ? i + 3 : cjk_at(c, i);
        if (c->status || e == 0 || !quiet_clause_mark(c, e) || e + 3 >= c->n ||
            !pii_walk_to_cjk(c->s, c->n, e + 3))
            return e;
        i = e + 3;
    }
}
