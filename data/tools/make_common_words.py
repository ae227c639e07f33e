#!/usr/bin/env python3
"""Derive data/common_words.txt from jieba's dictionary.

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt.

The list holds frequent two-character ordinary words whose first character
can occur in a given name (data/given_name_chars.txt): after a surname
without a title such a word is more likely a word than a given name
(于是, 和平发展 -> not 于是 / 和平 as names).

Method
  1. Two-character entries of jieba whose tag is not a person-name tag
     (nr, nrfg, nrt), made of Han characters, whose first character is in
     given_name_chars.txt; plus NR_TAGGED_WORDS, ordinary words that jieba
     mis-tags nr (明白, 文明, 阳光), reviewed by hand; minus NOT_WORDS,
     names of specific figures that jieba tags as ordinary words.
  2. Name-like words are left out: a word that occurs as the given name of
     at least NAME_SURNAMES distinct surnames (class 1/2 or compound, from
     surnames.txt) among jieba's nr/nrfg entries (建国, 志强, 海涛, 光明)
     unless it is very frequent as a word (freq >= KEEP_FREQ: 文明, 和平,
     胜利 stay), or is a title/kinship/address form (HONORIFIC, or holding
     a TITLE/STOP character of make_given_names.py: 先生, 老师, 大哥 stay).
  3. The SIZE most frequent remaining words, by jieba frequency.

Usage:
    python3 data/tools/make_common_words.py path/to/jieba/dict.txt \\
        data/surnames.txt data/given_name_chars.txt > data/common_words.txt
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
import make_given_names as mg  # noqa: E402

SIZE = 5000
NAME_SURNAMES = 3
KEEP_FREQ = 5000

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

# Personal names of historical or fictional figures that jieba tags as
# ordinary words (found on review).  They are removed so that the list holds
# no names of specific people.
NOT_WORDS = set("平儿 湘云 晴雯 福临 双儿 三藏 海瑞".split())


def main(dict_path, surnames_path, gnc_path):
    single, compound = mg.load_surnames(surnames_path)
    gnc = set()
    for line in open(gnc_path, encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            gnc.add(line.split("\t")[0])
    entries = mg.load_dict(dict_path)
    surnames_of = collections.defaultdict(set)
    for w, f, t in entries:
        if t in ("nr", "nrfg") and all(mg.is_han(c) for c in w):
            sp = mg.split_name(w, single, compound)
            if sp:
                surnames_of[sp[1]].add(sp[0])
    best = {}
    for w, f, t in entries:
        if len(w) != 2 or w[0] not in gnc or w in NOT_WORDS:
            continue
        if t in ("nr", "nrfg", "nrt") and w not in NR_TAGGED_WORDS:
            continue
        if not all(mg.is_han(c) for c in w):
            continue
        titled = w in HONORIFIC or w in NR_TAGGED_WORDS or any(c in mg.TITLE or c in mg.STOP for c in w)
        if len(surnames_of.get(w, ())) >= NAME_SURNAMES and f < KEEP_FREQ \
                and not titled:
            continue
        best[w] = max(f, best.get(w, 0))
    words = sorted(best, key=lambda w: (-best[w], w))[:SIZE]
    out = sys.stdout
    out.write(
        "# Frequent two-character ordinary words whose first character can occur\n"
        "# in a given name.  A surname followed by one of these, without a title\n"
        "# before it, should not be read as a person name (used only for\n"
        "# untitled candidates; after a title the name reading wins).\n"
        "# Format: one word per line, by decreasing corpus frequency.\n"
        "# Source: jieba 0.42.1 dictionary (MIT licence), non-name entries;\n"
        "#   typical given names (建国, 海涛) are left out, see\n"
        "#   data/tools/make_common_words.py.\n"
        "# Licence: derived data under the project's licence (jieba is MIT).\n")
    for w in words:
        out.write(w + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
