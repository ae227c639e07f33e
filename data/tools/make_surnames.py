#!/usr/bin/env python3
"""Write data/surnames.txt: Chinese surnames with a frequency class.

The lists below are general knowledge: the 百家姓 text (Song dynasty, public
domain), modern surnames missing from it, and an approximate ordering by
modern frequency (national household-registration rankings as commonly
reported; the classes are approximate and are not copied from any one list).

Classes: 1 = about the 100 most frequent single-character surnames,
2 = about the next 200, 3 = everything else (rarer single surnames and
almost all compound surnames).  Surnames that are also very common function
words or grammatical morphemes (和, 于, 时, 万, 在, 是 ...) are forced to
class 3 and get a third column `ambiguous`, whatever their real frequency
(于, 万 and 向 are in reality top-100 surnames): a tool should accept them
as surnames only with extra evidence (a title, a known given name).
Compound surnames that are also ordinary words (东方, 百里, 第五, 长孙 ...)
are marked `ambiguous` too.

Usage:
    python3 data/tools/make_surnames.py > data/surnames.txt
    python3 data/tools/make_surnames.py --check path/to/jieba/dict.txt
The --check mode prints, for review, a cross-check against the person-name
entries (tag nr) of jieba's dictionary: frequent first characters of 3-char
names that are missing here, and class-1 surnames that are rare there.
"""
import sys

BAIJIAXING = """
赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻
柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤
滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄
米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭
梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓
郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松
井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘
景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双
闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏
柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东
欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相
查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦归海岳帅缑亢况郈有琴商牟佘佴伯赏
墨哈谯笪年爱阳佟言福
"""

BAIJIAXING_COMPOUND = """
万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政
濮阳 淳于 单于 太叔 申屠 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘
司徒 司空 亓官 司寇 仉督 子车 颛孙 端木 巫马 公西 漆雕 乐正 壤驷 公良 拓跋
夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 商牟
南宫 第五 伯赏
"""

# Modern surnames absent from 百家姓 (simplified forms, recent variants,
# regional surnames).
MODERN_EXTRA = """
肖 付 覃 揭 代 敬 兰 苟 粟 栗 仝 过 展 门 千 么 植 练 谌 虎 原 位 修 信 种 战
但 旷 冼 麦 禤 邝 区 官 伦 尧 靖 庹 户 母 剧 银 税 眭 寸 卯 芦 库 泮 蹇 衣 初
隋 矫 邸 郄 郇 续 智 粘 刀 线 亓 冶 尉 回 朴 玄 买 达 苑 甯 接 佀 占 揣 员 贠
随 雒 才 逢 茆 禚 菅 招 丘 仉 檀 斯 玉 闭 由 奉 豆 盘 楼 鹿 辜 迟 丛 卿 漆 普
鲜 湛 宾 呼 惠 谷 来 隆 戚 谢 凃 奥 乜 矣 者 字 线 保 杲 铁 巨 蒿 尕 喇 敏 拜 候
"""
MODERN_COMPOUND = "独孤 完颜 纳兰 爱新觉罗 叶赫那拉 呼延 长孙 尉迟"

# Approximate modern frequency order, most frequent first.
CLASS1 = """
王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许
韩 邓 冯 曹 彭 曾 肖 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢 姚 沈
钟 姜 崔 谭 陆 范 汪 廖 石 金 韦 贾 夏 付 方 邹 熊 白 孟 秦 邱 侯 江 尹 薛 闫
段 雷 龙 黎 史 陶 贺 毛 郝 顾 龚 邵 万 覃 武 钱 戴 严 莫 孔 向 常 汤 康 易 乔
赖 文 施 牛 洪
"""
CLASS2 = """
葛 邢 安 齐 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 耿 关 兰 焦 俞 左 柳 甘 祝
包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝
路 游 辛 靳 欧阳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农
司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米
柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑
郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥
南 班 储 原 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海
阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄 平 计 索 宣 晋
相 初 门 云 容 敬 来 萧 温 傅 樊 阎
"""

# Function words / grammatical morphemes that are also (mostly rare)
# surnames: class 3 + `ambiguous`.
AMBIGUOUS = """
和 于 时 万 党 门 能 要 从 向 对 把 被 在 是 有 不 也 都 就 及 以 而 为 将 其
所 可 由 但 或 自 等 过 么 来 还 使 那 位 名 年 同 共 经 通 千
后 相 全 应
"""
AMBIGUOUS_COMPOUND = "东方 百里 第五 南门 西门 东门 长孙 司空 单于 微生"


def split_chars(s):
    return [c for c in s if not c.isspace()]


def ordered_unique(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def build():
    single = ordered_unique(split_chars(CLASS1) + split_chars(CLASS2.replace("欧阳", ""))
                            + split_chars(BAIJIAXING) + split_chars(MODERN_EXTRA)
                            + split_chars(AMBIGUOUS))
    compound = ordered_unique(BAIJIAXING_COMPOUND.split() + MODERN_COMPOUND.split())
    c1 = set(split_chars(CLASS1))
    c2 = set(split_chars(CLASS2.replace("欧阳", ""))) | {"欧阳"}
    amb = set(split_chars(AMBIGUOUS)) | set(AMBIGUOUS_COMPOUND.split())
    rows = []
    for s in single + compound:
        if s in amb:
            rows.append((s, 3, "ambiguous"))
        elif s in c1:
            rows.append((s, 1, ""))
        elif s in c2:
            rows.append((s, 2, ""))
        else:
            rows.append((s, 3, ""))
    return rows


HEADER = """\
# Chinese surnames (single-character and compound).
# Format: surname<TAB>class[<TAB>ambiguous]
#   class 1: about the 100 most frequent surnames; 2: about the next 200;
#   3: rarer ones and most compound surnames.
#   ambiguous: the surname is also a very common function word or ordinary
#   word (和, 于, 时, 万, 在, 是, 东方, 第五 ...); such entries are always
#   class 3 whatever their real frequency and need extra evidence (a title)
#   before being taken as a surname.
# Source: general knowledge -- the 百家姓 text (public domain), modern
#   surnames missing from it, and an approximate modern frequency order;
#   cross-checked against the person-name entries of jieba's dictionary
#   (jieba 0.42.1, MIT).  Generated by data/tools/make_surnames.py.
# Licence: this list is under the project's licence.
"""


def check(dict_path):
    rows = build()
    known = {r[0]: r for r in rows}
    first = {}
    for line in open(dict_path, encoding="utf-8"):
        w, f, t = line.split()
        if t in ("nr", "nrfg") and len(w) == 3:
            first[w[0]] = first.get(w[0], 0) + 1
    ranked = sorted(first.items(), key=lambda x: -x[1])
    print("frequent first chars of 3-char nr entries missing here:")
    print(" ".join(f"{c}:{n}" for c, n in ranked[:600] if c not in known))
    rank = {c: i for i, (c, _) in enumerate(ranked)}
    print("class-1 surnames ranked below 250 there:")
    print(" ".join(f"{s}:{rank.get(s)}" for s, c, _ in rows
                   if c == 1 and rank.get(s, 9999) > 250))
    print("class-3 (non-ambiguous) surnames ranked in the top 150 there:")
    print(" ".join(f"{s}:{rank.get(s)}" for s, c, a in rows
                   if c == 3 and not a and rank.get(s, 9999) < 150))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
        return
    out = sys.stdout
    out.write(HEADER)
    for s, c, a in build():
        out.write(f"{s}\t{c}\t{a}\n" if a else f"{s}\t{c}\n")


if __name__ == "__main__":
    main()
