#!/usr/bin/env python3
"""Derive data/common_words.txt from jieba's dictionary.

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt.

The list holds frequent two-character ordinary words that begin like a
person name: their first character is a surname (data/surnames.txt) or can
occur in a given name (data/given_name_chars.txt).  Without a title, such a
word is more likely a word than a name (于是, 和平, 相关, 高兴 -> not names).

Method
  1. Candidates: two-character jieba entries made of Han characters that
     are all in GB 2312 (simplified characters; drops traditional-character
     entries such as 光緒), whose first character is a single-character
     surname or a given-name character, and that are not NOT_WORDS (names
     of specific figures or things that jieba tags as ordinary words).
  2. Tags (jieba's, from ICTCLAS):
       - person names nr, nrfg, nrt are left out, except the ordinary words
         that jieba mis-tags as names, reviewed by hand: NR_TAGGED_WORDS
         (freq >= 300) and NR_TAGGED_MORE (100 <= freq < 300);
       - place and organisation names ns, nt are left out;
       - other proper nouns nz and abbreviations j are mostly brands,
         companies, schools, eras and place pairs (长虹, 光大, 万历, 湘鄂):
         only the ordinary words among them, reviewed by hand, are kept
         (PROPER_TAGGED_WORDS, from nz entries with freq >= 100 and j
         entries with freq >= 30).
  3. Name-like words are left out: a word that occurs as the given name of
     at least NAME_SURNAMES distinct surnames (class 1/2 or compound, from
     surnames.txt) among jieba's nr/nrfg entries (建国, 志强, 海涛, 光明)
     unless it is very frequent as a word (freq >= KEEP_FREQ: 文明, 和平,
     胜利 stay), or is a title/kinship/address form (HONORIFIC, or holding
     a TITLE/STOP character of make_given_names.py: 先生, 老师, 大哥 stay),
     or is in NR_TAGGED_WORDS.  The words of NR_TAGGED_MORE and
     PROPER_TAGGED_WORDS go through this filter too.  Words shaped like a
     two-character name (a class 1/2 surname, not ambiguous, then a
     given-name character of weight >= 2) need a jieba frequency of at
     least NAME_SHAPED_MIN_FREQ (drops name fragments such as 方军, 范志).
  4. Foreign place names that jieba tags as ordinary words (平壤, 马里,
     海地) are left out: every name in the first column of the optional
     PLACES files (data/countries.tsv, data/world_cities.tsv).
  5. The SIZE most frequent remaining words, by jieba frequency, ties in
     code-point order (so the output is deterministic).

Usage:
    python3 data/tools/make_common_words.py path/to/jieba/dict.txt \\
        data/surnames.txt data/given_name_chars.txt \\
        data/countries.tsv data/world_cities.tsv > data/common_words.txt
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
import make_given_names as mg  # noqa: E402

SIZE = 25000
NAME_SURNAMES = 3
KEEP_FREQ = 5000
NAME_TAGS = ("nr", "nrfg", "nrt")
PLACE_ORG_TAGS = ("ns", "nt")
PROPER_TAGS = ("nz", "j")

HONORIFIC = set("""
先生 女士 小姐 太太 夫人 老师 同志 师傅 大哥 大姐 大爷 大妈 大娘 大叔 阿姨 老板
医生 教授 博士 主任 书记 部长 局长 处长 科长 厅长 省长 市长 县长 区长 镇长 乡长
村长 校长 院长 所长 站长 社长 会长 董事 经理 总裁 主席 委员 代表 院士 专家 老人
同学 师父 师兄 师弟 师姐 师妹 公子 将军 队长 班长 连长 团长 师长 军长 司令 政委
""".split())

# Ordinary words that jieba tags nr (reviewed by hand among its two-character
# nr entries with freq >= 300; person names, places and brands left out).
NR_TAGGED_WORDS = set("""
明白 武功 文明 小姐 和尚 王朝 阳光 陆军 道德 卫星 雷达 太后 荣誉 古老 丘陵 言语
冷笑 武林 明星 宫殿 光荣 权威 师傅 侍卫 帝王 封锁 宣言 胡同 玉米 师兄 顾问 王爷
智慧 白雪 高峰 齐声 祖先 文武 石英 友谊 金殿 侍郎 英勇 高潮 齐全 洪水 顾客 公正
凤凰 辛勤 米粉 玉石 寻思 胡子 王府 光辉 叶子 安静 祖宗 保健 谢谢 宝贝 白领 老公
红旗 子孙 宝贵 康复 鱼雷 沙滩 师范 诸如 梅花 伯伯 吉祥 范畴 相公 周转 诸侯 鹿角
元帅 孙子 双拥 雪山 宝剑 老汉 宁可 修正 比武 山珍 凌辱 子宫 大侠 高明 陈述 老夫
荣获 丛林 小康 老虎 马匹 双喜 博客 德军 体操 关怀 林立 明珠 王子 温泉 向阳 黎明
红外 呼唤 陈列 布满 通达 乌云 宁静 养老 蓝天 左翼 金刚 师生 冷汗 天亮 安抚 高僧
宝石 许可 小雨 朱红 原谅 尼姑 容纳 柴禾 杜绝 卓越 沙丘 白莲 苏军 仁兄 晋升 云母
童子 祝贺 师母 慈善 松树 兰花 岳父 史诗 蓬勃 过敏 谢恩 太祖 白白 英才 乌龟 凌厉
沙皇 师娘 王八 胡闹 荣耀 满怀 桂花 高悬 马背 乔木 毛巾 麦子 郎中 白布 张开 元老
金石 周密 银杏 朴素 陈设 马夫 老总 英俊 迎宾 刚毅 宾客 华丽 孤儿 弘扬 麻木 恩师
燕子 巴掌 白发 练兵 林子 林木 黑客 杨柳 安危 梅子 查明 胡涂 杜鹃 张贴 博雅 周旋
巨石 练功 田园 白云 伯爵 孔雀 高耸 伯父 大胜 归公 才华 王宫 龙王 辟邪 杜仲 史实
朱砂 古文 张嘴 戈壁 小镇 张口 田野 亚军 慕名 仰天 李子 熊掌 廉政 贝母 立功 万世
钱财 雷声 温馨 白银 养牛 蓝图 殷勤 铁青 伯母 明智 灵敏 奥妙 严正 祝福 陈旧 静默
巧遇 贝壳 高昂 金光 顾忌 神智 老伯 高超 龙宫 宫阙 毋宁 仁义 克隆 拓宽 胡椒 大修
张罗 扬言 徐徐 郎君 高雅 高坡 子叶 常青 白旗 富豪 牛马 士卒 宝宝 时髦 敬仰 旷野
丹田 加薪 凌空 卢布 庄园
""".split())

# More ordinary words that jieba tags nr, reviewed by hand among its
# two-character nr entries with 100 <= freq < 300 whose first character is
# a surname or a given-name character (names of people, places, brands and
# books left out).  Unlike NR_TAGGED_WORDS they still go through the
# name-like filter.
NR_TAGGED_MORE = set("""
古董 施政 熊猫 钟声 胡人 陶醉 任凭 滑雪 张扬 高喊 盖子 奥秘 周全 鱼松 千秋 毛发
白昼 罗汉 王侯 施礼 王道 空旷 从政 张望 雷霆 许诺 王妃 白痴 史前 王后 花白 涂抹
师爷 马鞭 招安 巴结 王权 但凡 斯文 阎王 孙女 朱笔 练武 黄牛 焦耳 马鞍 于今 石阶
霍地 唐诗 索引 从军 马刀 别提 周详 田赋 花圃 施恩 雷雨 熊熊 滑冰 苏醒 巫师 通晓
白玉 孔庙 师承 朱雀 矫正 马虎 宋体 罗盘 招贤 王族 白羊 盖章 党羽 同仁 诸子 解密
钟楼 钱粮 旷古 高招 毛驴 暴君 易溶 田舍 陶冶 黄蜂 方正 查清 盘桓 饶命 屈膝 扶栏
黄麻 白杨 唐人 丁香 段子 籍贯 花香 何曾 滑翔 雷鸣 牟利 诸君 黄榜 杨树 孔径 史官
高阁 周折 常胜 母爱 白鹤 饶恕 马儿 侯爵 黄铜 严令 毛竹 矫健 门第 何谓 马屁 陈年
钟爱 公卿 白光 从师 哈欠 花招 何干 刁钻 弓弩 白净 陆基
南纬 宝藏 凯旋 卫冕 敬畏 咸蛋 小山 明朗 祥和 明文 北斗 麻醉 宗庙 权贵 桂鱼 红光
敬佩 小河 祖母 越冬 边远 道谢 柳树 丹青 言辞 贝勒 岳母 须知 小可 晋级 静静 山后
玉兰 九卿 波涛 伏兵 令尊 木柱 西风 苍天 寒暄 清香 洪亮 迎春 德育 柏树 权衡 丛生
玄武 庄客 盛世 鲁莽 农耕 秋水 富翁 仁慈 封爵 小便 冉冉 元宝 宝塔 木耳 亚纲 辛丑
庄主 华裔 灵堂 南巡 容颜 利剑 恩公 荆棘 西医 都尉 敬献 光耀 爱戴 秋风 希奇 小溪
冷清 侍奉 凌迟 归顺 宇航 慈祥 成仁 南征 子嗣 屠宰 金秋 小娃 吉普 敬礼 连成 齐备
小舟 巨星 卓绝 和睦 采石 才智 晋见 云云 博爱 和善 南风 渊博 巧匠 齐放 梁柱 沙龙
乐章 封疆 利禄 小狗 燕麦 甘休 连珠 连贯 冷杉 丹墀 封信 宝瓶 爱慕 祖传 荣幸 雨淋
苗子 楚楚 文雅 步履 洪峰 松柏 桂冠 阴冷 华贵 安民 沙尘 龙凤 安然 恩爱 连胜 阴森
香甜 云彩 秋收 凌驾 和蔼 明哲 宝典 富丽 麦田 盛怒 武斗 慈爱 蓝布 云杉 栗子 碧波
平添 雪亮 安康 殷红 叶柄 祝寿 宁肯 克扣 安培 希冀 敬爱 碧玉 红茶 须眉 齐鸣 翠绿
安逸 山洪 红颜 赫赫 凯歌 宛然 恩赐 佩剑 小鹿 柳枝 盛衰 赤杨 卜辞 天罡 续航 阴云
佩刀 巨龙 宁死 恩惠 明言 阴虚 宿营 梅雨 赫兹 温顺 盛夏 贺喜 双赢 惠民 祖孙 秋千
若想 晓谕 鹿茸 小桥 金丹 乐天 安神 简章 紫红 苍生 龙虾 和暖 蓝光
""".split())

# Ordinary words among jieba's other-proper-noun (nz, freq >= 100) and
# abbreviation (j, freq >= 30) entries, reviewed by hand.  The rest of those
# entries are brands, companies, schools, bodies, eras, dynasties, figures
# and place pairs (长虹, 光大, 北大, 政协, 万历, 大唐, 神农, 湘鄂) and are
# left out.
PROPER_TAGGED_WORDS = set("""
和平 普通 英语 佛教 中华 英文 回族 汉族 共和 家族 藏族 中文 精华 道教 汉语 满族
通讯 正文 中毒 金银 苗族 大战 欧元 奇特 申报 壮族 恒星 天文 汉字 君王 沙发 美味
珠宝 宝库 彝族 金星 诚信 天大 汉文 力争 杉木 天皇 瑶族 白族 黎族 二战 天鹅 文科
大奖 宝座 法语 威信 天真 文教 正宗 美貌 野战 保安 大礼 曙光 源泉 女真 新教 三通
兴盛 斗拱 星星 海战 飞翔 对华 端正 天明 佛塔 闻讯 和谈 羌族 国宝 翰林 犹太 神通
双打 乾坤 波浪 新路 三叉 竹林 珍宝 国语 恐龙 美观 京族 藏书 佛经 大乘 大内 管教
福星 甲醚 二氯 大厨 德语 新字 维和 安内 喜讯 彩虹 粉蒸 富农 法宝 天命 升华 英明
甲醛 大捷 满文 大发 晴天 龙舟 海浪 佛法 孝顺 海豹 甲基 华美 恒定 长发 深信 甲烷
家教 红利 磷酸 藏语 印发 三宝 万能 美梦 登月 金文 中奖 高教 法文 辛酸 巨浪 九鼎
佛寺 大族 圣僧 深奥 金发 金奖 克星 以太 壮语 全美 佛陀 遵命 伊始 福报 国教 柱状
红星 清泉 启迪 佛珠 新秀 嘉奖 芬芳 和议 波澜 德文 培根 甲醇 藏文 全盛 藏传 力战
耐力 儒雅 巨变 正教 斗牛 壮丁 辛劳 广电 泰语 丙酮 勃勃 双联 捷报 厚礼 津液 白浪
自语 韩语 齐发 新星 益处 华灯
四大 美军 年均 通信 同比 研发 党委 深化 通航 通行 同盟 常委 中医 存储 年产 同行
中专 石化 一共 武警 家电 英军 一战 三军 光电 中介 中小 中军 民航 奥运 中指 房产
国企 年幼 家产 德行 四散 纪委 月均 印证 空投 同居 立宪 轻纺 农牧 同化 干警 掌控
房贷 中产 纪检 房管 同业 年华 党建 三公 通胀 政企 亚运 名企 农产 沪市 社保 月华
道行 中选 立委 一筹 南行 仓储 轻信 中校 深部 男双 毛纺 非比 家财 四旧 通透 家小
通电 征粮 武行 蓝筹 德比 房改 中直 高专 三陪 中低 中院 中伏 民企 欧化 房客 通邮
夜航 石煤 四化 户均 陆航 年检 三无 军控
""".split())

# Names of specific people (historical, legendary or fictional figures),
# eras, places and companies, and name fragments, that jieba tags as
# ordinary words (found on review).  They are removed so that the list holds
# ordinary words only and no names of specific people.
NOT_WORDS = set("""
平儿 湘云 晴雯 福临 双儿 三藏 海瑞 屈原 墨子 冰心 毕升 关露 观音 女娲 西施 尧舜
项王 董子 颜子 文帝 文王 成帝 关帝 阳子 弘历 弘一 宣和 金蝶 平遥 应天 古力 顾源
程志 文峰 古月 季梁 区政 卫铁
""".split())

# Words that start with a frequent surname (class 1 or 2, not ambiguous)
# followed by a given-name character of weight >= 2 look like two-character
# names; below this jieba frequency most such entries are name fragments
# (方军, 范志, 关文, 孔融) rather than words, so they are left out.
NAME_SHAPED_MIN_FREQ = 100


def main(dict_path, surnames_path, gnc_path, *place_paths):
    places = set()
    for path in place_paths:
        for line in open(path, encoding="utf-8"):
            if not line.startswith("#") and line.strip():
                places.add(line.split("\t")[0].strip())
    single, compound = mg.load_surnames(surnames_path)
    first_chars = set()
    for line in open(surnames_path, encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            s = line.split("\t")[0]
            if len(s) == 1:
                first_chars.add(s)
    gnc = {}
    for line in open(gnc_path, encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            c, weight = line.rstrip("\n").split("\t")[:2]
            gnc[c] = int(weight)
            first_chars.add(c)
    entries = mg.load_dict(dict_path)
    surnames_of = collections.defaultdict(set)
    for w, f, t in entries:
        if t in ("nr", "nrfg") and all(mg.is_han(c) for c in w):
            sp = mg.split_name(w, single, compound)
            if sp:
                surnames_of[sp[1]].add(sp[0])
    best = {}
    for w, f, t in entries:
        if len(w) != 2 or w[0] not in first_chars or w in NOT_WORDS \
                or w in places:
            continue
        if not all(mg.is_han(c) and is_gb2312(c) for c in w):
            continue
        if t in NAME_TAGS and w not in NR_TAGGED_WORDS and w not in NR_TAGGED_MORE:
            continue
        if t in PLACE_ORG_TAGS:
            continue
        if t in PROPER_TAGS and w not in PROPER_TAGGED_WORDS:
            continue
        if w[0] in single and gnc.get(w[1], 0) >= 2 \
                and f < NAME_SHAPED_MIN_FREQ:
            continue
        titled = w in HONORIFIC or w in NR_TAGGED_WORDS or any(c in mg.TITLE or c in mg.STOP for c in w)
        if len(surnames_of.get(w, ())) >= NAME_SURNAMES and f < KEEP_FREQ \
                and not titled:
            continue
        best[w] = max(f, best.get(w, 0))
    words = sorted(best, key=lambda w: (-best[w], w))[:SIZE]
    out = sys.stdout
    out.write(
        "# Frequent two-character ordinary words that begin like a person name\n"
        "# (first character a surname or a given-name character).  A surname\n"
        "# followed by such a word, without a title before it, should not be read\n"
        "# as a person name (used only for untitled candidates; after a title the\n"
        "# name reading wins).\n"
        "# Format: one word per line, by decreasing corpus frequency.\n"
        "# Source: jieba 0.42.1 dictionary (MIT licence); person, place and\n"
        "#   organisation names (nr, nrfg, nrt, ns, nt), the foreign places of\n"
        "#   countries.tsv and world_cities.tsv, and most other proper nouns\n"
        "#   are left out, and so are typical given names (建国, 海涛); see\n"
        "#   data/tools/make_common_words.py.\n"
        "# Licence: derived data under the project's licence (jieba is MIT).\n")
    for w in words:
        out.write(w + "\n")


def is_gb2312(c):
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
