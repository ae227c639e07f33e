#!/usr/bin/env python3
"""Derive data/given_name_chars.txt from jieba's dictionary.

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt, lines
`word freq tag`.  Only dict.txt is read; jieba itself is not imported.

Method
  1. Candidates: person-name entries (tags nr, nrfg) made of a surname from
     data/surnames.txt (class 1 or 2, or a compound surname; `ambiguous`
     entries are never used) followed by a two-character given name.
  2. Noise filters (jieba's nr tag also covers fiction fragments, titles,
     places and transliterations, and its names lean towards historical
     and fictional figures):
       - the given part is itself an ordinary word of jieba (tag not nr*):
         先生, 大哥, 夫人, 老师 ...;
       - surname + first given character is itself an nr entry: the entry
         is a name followed by a verb or a place suffix (郭靖叹, 孔明听,
         张飞庙);
       - the last character is a one-character verb of jieba, or a place
         or object suffix (PLACE_END), and not in CORE (郭襄笑, 袁术引,
         唐宁街, 马家窑);
       - the given part holds a title or kinship morpheme (TITLE: 相公,
         大侠, 老三, 吴王) or a class-1 surname not in CORE (王李自);
       - the given part is 家 + a place suffix (王家庄, 李家村);
       - transliterated foreign names: a two-class naive-Bayes character
         model (foreign = jieba's nrt entries, Chinese = the candidates,
         re-estimated FOREIGN_ROUNDS times) drops names scored as foreign
         (罗伯特, 安德烈).
  3. Each character gets the number of distinct remaining names whose
     given part contains it; characters seen in fewer than MIN_NAMES names
     and the non-name morphemes in STOP are dropped.  Specificity = that
     number / (number of ordinary jieba words containing the character + 1);
     characters below DROP_RATIO (你, 打, 电 ...) are dropped and those
     below DEMOTE_RATIO or seen in fewer than MIN_NAMES_W2 names get
     weight 1 at most.
  4. Weights: 3 = the CORE characters (general knowledge: the most common
     characters of modern given names; jieba's counts are skewed by
     historical and fictional names, so this tier is curated), 2 = the
     TOP2 most frequent other characters, 1 = the rest.

Usage:
    pip install jieba     # or unpack the wheel; only dict.txt is read
    python3 data/tools/make_given_names.py path/to/jieba/dict.txt \\
        data/surnames.txt > data/given_name_chars.txt
"""
import collections
import math
import sys

MIN_NAMES = 2
TOP2 = 700
DROP_RATIO = 0.015   # specificity below which a non-CORE character is dropped
DEMOTE_RATIO = 0.04  # ... below which it gets weight 1 at most
MIN_NAMES_W2 = 6     # weight 2 needs at least this many names
FOREIGN_ROUNDS = 4
PLACE_SUFFIX = set("庄村湾沟寨岭河山岗坝坪屯营集堡铺桥店园洼坡湖塘镇港")
# Place, building and object suffixes: a name ending in one (unless it is a
# CORE character) is a toponym or a thing (唐宁街, 马家窑, 金蛇剑).
PLACE_END = PLACE_SUFFIX | set("街厅窑滩巷峪井洞庙寺馆楼阁亭台关口渡埠场站厂矿路剑传丸藤")

# A name whose given part contains one of these is a title or kinship form,
# not a name (相公, 大侠, 师叔, 老三, 吴王, 李氏).
TITLE = set("王公侯帝后妃太师老侠爷叔兄姊妹哥姐娘婆嫂氏")

# Not given-name characters although jieba's name entries contain them:
# grammatical particles, kinship and title morphemes, place suffixes and a
# few frequent non-name morphemes left by fiction fragments.
STOP = set("""
的 了 着 过 是 在 这 那 么 吗 呢 吧 啊 们 曰 乎 矣 焉 哉 也 亦 乃 皆 则 遂 欲 将 被 把
氏 县 村 寺 郡 府 庙 祠 镇 乡 省 市 区 殿 宫 营 寨 湾 港 站 部 派 网 帝 皇 妃 后 爷 叔
兄 哥 姐 嫂 婆 妈 爹 舅 姨 侯 相 臣 叹 说 问 答 听 看 见 闻 陪 率 攻 谓 某 等 性 者 其
州 湖 城 亭 桥 台 岭 陵 谷 阁 洞 与 以 可 从 于 自 本 如 得 同 向 作 用 便 命 怒 年 日
前 右 左 鱼 草 茶 母 门 代 路 经 名 诸 襄 人 式 你 我 他 她 它 狗 蛇 鸟 驴 猪 鸡
""".split())

# General knowledge: characters very common in modern given names.
CORE = set("""
伟 刚 勇 毅 俊 峰 强 军 平 保 东 文 辉 力 明 永 健 世 广 志 义 兴 良 海 山 仁 波 宁
贵 福 生 龙 元 全 国 胜 学 祥 才 发 武 新 利 清 飞 彬 富 顺 信 杰 涛 昌 成 康 星 光
天 达 安 岩 中 茂 进 林 有 坚 和 彪 博 诚 先 敬 震 振 壮 思 群 豪 心 邦 承 乐 绍 功
松 善 厚 庆 磊 民 友 裕 河 哲 江 超 浩 亮 政 谦 奇 翰 朗 宏 鸣 朋 斌 梁 栋 维 启 克
伦 翔 旭 鹏 泽 晨 辰 士 建 家 致 树 德 行 泰 盛 雄 琛 钧 冠 腾 楠 风 航 弘 卫 红 华
春 金 玉 荣 英 秀 桂 凤 兰 芳 霞 丽 敏 燕 娟 艳 萍 玲 梅 静 莉 琴 云 莲 雪 爱 香 月
媛 瑞 佳 嘉 琼 珍 贞 娣 叶 璐 琦 晶 妍 茜 秋 珊 莎 锦 青 倩 婷 婉 瑾 颖 露 瑶 怡 雁
仪 丹 蓉 君 蕊 薇 梦 岚 馨 韵 艺 卿 聪 澜 纯 悦 昭 冰 爽 茗 羽 欣 滢 筠 竹 晓 欢 枫
芸 菲 亚 宜 舒 阳 妮 宝 鸿 剑 娇 琪 晴 睿 威 雯 彦 宇 雨 洋 忠 宗 曼 紫 逸 贤 翠 小
轩 鑫 然 洪 韬 坤 鑫 凯 琳 洁 慧 娜 倩 婧 蕾 璇 萌 莹 晖 煜 炜 昊 皓 瑜 琦 锋 钢
铭 锐 骏 驰 潇 涵 蓓 虹 霖 鹤 巍 忠 贺 喜 庭 廷 培 根 银 满 双 兵 斌 俭 勤 桃 杏 菊
""".split())


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


SURNAME_LINES = []


def load_surnames(path):
    single, compound = set(), set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        SURNAME_LINES.append(line)
        cols = line.rstrip("\n").split("\t")
        if len(cols) > 2 and cols[2] == "ambiguous":
            continue
        if len(cols[0]) > 1:
            compound.add(cols[0])
        elif cols[1] in ("1", "2"):
            single.add(cols[0])
    return single, compound


def load_dict(path):
    entries = []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) == 3:
            entries.append((parts[0], int(parts[1]), parts[2]))
    return entries


def split_name(w, single, compound):
    """(surname, given) for surname + 2-character given name, else None."""
    for n in (4, 3, 2):
        if len(w) == n + 2 and w[:n] in compound:
            return w[:n], w[n:]
    if len(w) == 3 and w[0] in single:
        return w[0], w[1:]
    return None


def candidate_names(entries, single, compound):
    words = {w for w, f, t in entries if not t.startswith("nr")}
    verbs = {w for w, f, t in entries if len(w) == 1 and t == "v"}
    top_surnames = {l.split("\t")[0] for l in SURNAME_LINES
                    if l.split("\t")[1].strip() == "1"}
    names = {w for w, f, t in entries if t in ("nr", "nrfg")}
    out = set()
    for w in names:
        if not all(is_han(c) for c in w):
            continue
        sp = split_name(w, single, compound)
        if not sp:
            continue
        s, g = sp
        if g in words or s + g[0] in names:
            continue
        if g[0] == "家" and g[1] in PLACE_SUFFIX:
            continue
        if any(c in TITLE for c in g):
            continue
        if any(c in top_surnames and c not in CORE for c in g):
            continue  # 王李自, 隋末李: fragments around another name
        if g[1] in verbs and g[1] not in CORE:
            continue  # 郭襄笑, 袁术引: name + verb
        if g[1] in PLACE_END and g[1] not in CORE:
            continue  # 唐宁街, 马家窑: place or thing
        out.add(sp)
    return sorted(out)


def drop_foreign(cands, entries):
    foreign = collections.Counter(
        c for w, f, t in entries if t == "nrt" and all(is_han(x) for x in w)
        for c in w)
    ftot = sum(foreign.values())
    vocab = 6000
    kept = cands
    for _ in range(FOREIGN_ROUNDS):
        native = collections.Counter(c for s, g in kept for c in g)
        ntot = sum(native.values())

        def score(g):
            return sum(math.log((foreign[c] + 0.5) / (ftot + 0.5 * vocab))
                       - math.log((native[c] + 0.5) / (ntot + 0.5 * vocab))
                       for c in g)
        kept = [(s, g) for s, g in cands if score(g) < 0]
    return kept


def main(dict_path, surnames_path):
    single, compound = load_surnames(surnames_path)
    entries = load_dict(dict_path)
    names = drop_foreign(candidate_names(entries, single, compound), entries)
    count = collections.Counter(c for s, g in names for c in set(g))
    word_types = collections.Counter(
        c for w, f, t in entries if not t.startswith("nr") for c in set(w))

    def ratio(c):
        return count[c] / (word_types[c] + 1)
    ranked = sorted(((c, n) for c, n in count.items()
                     if n >= MIN_NAMES and c not in STOP
                     and (c in CORE or ratio(c) >= DROP_RATIO)),
                    key=lambda x: (-x[1], x[0]))
    weight = {c: 3 for c in CORE}
    i = 0
    for c, n in ranked:
        if c not in weight:
            if i < TOP2 and ratio(c) >= DEMOTE_RATIO and n >= MIN_NAMES_W2:
                weight[c] = 2
                i += 1
            else:
                weight[c] = 1
    order = {c: i for i, (c, n) in enumerate(ranked)}
    chars = sorted(weight, key=lambda c: (-weight[c], order.get(c, -1), c))
    out = sys.stdout
    out.write(
        "# Characters that occur in Chinese given names.\n"
        "# Format: char<TAB>weight   (3 = very common in modern given names,\n"
        "#   curated; 2 = common; 1 = attested); by decreasing weight, then\n"
        "#   decreasing frequency.\n"
        "# Source: derived from the person-name entries (tags nr, nrfg) of jieba's\n"
        "#   dictionary (jieba 0.42.1, MIT licence): given names after a surname\n"
        "#   of data/surnames.txt, counted over distinct names, with filters for\n"
        "#   titles, fiction fragments, places and transliterations; plus a\n"
        "#   general-knowledge core of common modern given-name characters.\n"
        f"#   {len(names)} names used.  Generated by data/tools/make_given_names.py.\n"
        "# Licence: derived data under the project's licence (jieba is MIT).\n")
    for c in chars:
        out.write(f"{c}\t{weight[c]}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
