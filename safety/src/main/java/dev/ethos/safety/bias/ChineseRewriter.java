package dev.ethos.safety.bias;

import dev.ethos.safety.bias.Discourse.Entity;
import dev.ethos.safety.bias.Discourse.Mention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gender-neutral rewriting of Chinese: generic 他/她 become TA (他的 → TA的, 他自己 → TA自己, the
 * doublets 他或她, 他/她, 他（她） → TA) and marked gendered role terms used generically (女司机,
 * 男护士, 空姐 …) become the neutral term of the policy's table. A pronoun is generic when the
 * nearest person mentioned before it (in its sentence or the recent ones) is a role introduced
 * with a quantifier (一名, 每位, 任何 …), a bare role in a rule or condition (用户…, 如果医生…), or
 * 任何人/每个人; names, kin (妈妈, 奶奶 …), 我的… and titles with a surname (张医生) are specific.
 * Stateless; per-text state lives in the {@link Discourse.Track}.
 */
final class ChineseRewriter {
    static final Map<String, String> ROLE_TERMS = Map.ofEntries(
            Map.entry("女司机", "司机"), Map.entry("男护士", "护士"), Map.entry("女医生", "医生"),
            Map.entry("女博士", "博士"), Map.entry("空姐", "空乘人员"), Map.entry("空少", "空乘人员"),
            Map.entry("男保姆", "保姆"), Map.entry("女程序员", "程序员"), Map.entry("女工程师", "工程师"),
            Map.entry("男幼师", "幼师"), Map.entry("女律师", "律师"));

    private static final String[] PERSON_NOUNS = (
            "用户 顾客 客户 患者 病人 病患 医生 大夫 老师 教师 学生 学员 员工 职员 雇员 雇主 候选人 申请人 应聘者 求职者 作者 读者 "
            + "司机 驾驶员 乘客 旅客 实习生 孩子 小孩 儿童 宝宝 婴儿 学生 销售人员 销售员 工程师 程序员 开发者 开发人员 设计师 律师 "
            + "护士 会计 经理 领导 管理者 管理员 主管 老板 租客 房东 房客 游客 访客 参与者 参赛者 选手 运动员 球员 教练 志愿者 家长 "
            + "买家 卖家 消费者 业主 居民 公民 玩家 会员 研究人员 研究者 科学家 作家 记者 厨师 服务员 保姆 幼师 博士 空乘人员 保安 "
            + "警察 消防员 骑手 快递员 外卖员 客服 店员 收银员 工人 农民 商人 军人 士兵 演员 歌手 画家 艺术家 专家 顾问 分析师 "
            + "医护人员 新人 新员工 同事 室友 同学 朋友 邻居 嫌疑人 被告 原告 证人 受害者 当事人 投资者 股东 承包商 供应商 "
            + "作业员 操作员 技术员 技术人员 维修工 维修人员 飞行员 机长 船长 队长 组长 班长 校长 院长 主任 秘书 助理 译者 "
            + "主持人 主播 博主 发言人 负责人 所有者 持有人 使用者 订阅者 开发商 新手 初学者 毕业生 研究生 本科生 "
            + "病人家属 监护人 护工 司仪 裁判 评委 面试官 考生 考官 讲师 教授 导师 学者 医师 药剂师 牙医 兽医 律师 法官 检察官 "
            + "网红 店长 服务生 前台 导游 月嫂 别人 工作人员 医务人员 售货员 收银员 理发师 市民 村民 网友 网民 粉丝 观众 听众 选民 纳税人 未成年人 老人 老年人 年轻人 青少年 成年人 路人 行人 车主 房主 店主 商家 家属 队友 队员 成员 组员 职工 渔民 牧民 主厨 保洁员 清洁工 门卫 导演 编剧 摄影师 研究员 硕士 小朋友 少年 青年 上司 下属 来访者 申请者 面试者 捐赠者 受访者 患儿 学徒 病友 租户 伴侣 配偶 对方 驾驶者 营养师 程序员 班主任 辅导员 任何人 每个人 每一个人 有人 一个人 谁").split(" ");
    private static final Map<String, Character> KIN = new HashMap<>();

    static {
        String[][] kin = {
            {"妈妈", "f"}, {"母亲", "f"}, {"妈", "f"}, {"爸爸", "m"}, {"父亲", "m"}, {"爸", "m"}, {"哥哥", "m"},
            {"姐姐", "f"}, {"弟弟", "m"}, {"妹妹", "f"}, {"奶奶", "f"}, {"爷爷", "m"}, {"外婆", "f"}, {"外公", "m"},
            {"姥姥", "f"}, {"姥爷", "m"}, {"叔叔", "m"}, {"阿姨", "f"}, {"舅舅", "m"}, {"姑姑", "f"}, {"伯伯", "m"},
            {"婶婶", "f"}, {"丈夫", "m"}, {"妻子", "f"}, {"老婆", "f"}, {"老公", "m"}, {"儿子", "m"}, {"女儿", "f"},
            {"国王", "m"}, {"王后", "f"}, {"女王", "f"}, {"公主", "f"}, {"王子", "m"}, {"皇帝", "m"}, {"皇后", "f"},
            {"夫人", "f"}, {"太太", "f"}, {"先生", "m"}, {"女士", "f"}, {"小姐", "f"}, {"男朋友", "m"},
            {"女朋友", "f"}, {"男友", "m"}, {"女友", "f"}, {"新娘", "f"}, {"新郎", "m"}, {"男人", "m"}, {"女人", "f"},
            {"男孩", "m"}, {"女孩", "f"}, {"男生", "m"}, {"女生", "f"}, {"祖母", "f"}, {"祖父", "m"}, {"孙子", "m"},
            {"孙女", "f"}, {"侄子", "m"}, {"侄女", "f"}, {"外甥", "m"}, {"外甥女", "f"}, {"媳妇", "f"}, {"女婿", "m"},
            {"舅妈", "f"}, {"姨妈", "f"}, {"婆婆", "f"}, {"公公", "m"}, {"岳父", "m"}, {"岳母", "f"}, {"兄弟", "m"},
            {"姐妹", "f"}, {"修女", "f"}, {"和尚", "m"}, {"女科学家", "f"}, {"女英雄", "f"}};
        for (String[] k : kin) {
            KIN.put(k[0], k[1].charAt(0));
        }
    }

    /** Dictionary entries by first character, longest first. */
    private static final Map<Character, List<String>> BY_FIRST = new HashMap<>();

    static {
        List<String> all = new ArrayList<>(List.of(PERSON_NOUNS));
        all.addAll(KIN.keySet());
        all.addAll(ROLE_TERMS.keySet());
        for (String w : all) {
            BY_FIRST.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        for (List<String> l : BY_FIRST.values()) {
            l.sort((a, b) -> b.length() - a.length());
        }
    }

    private static final String[] QUANTIFIERS = {"一名", "一位", "一个", "每位", "每个", "每名", "每一位", "每一个",
        "每一名", "任何", "任一", "所有", "各位", "某位", "某个", "哪位", "哪个", "每", "凡是"};
    private static final String[] CONDITIONS = {"如果", "假如", "若", "当", "一旦", "只要", "凡是", "倘若", "要是"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤屠";
    private static final String NAME_FOLLOWERS = "说在是把和曾已也都认告获赢表的被将给从对于跟向与要会";

    private static final java.util.regex.Pattern PAST_TIME = java.util.regex.Pattern.compile(
            "昨天|前天|上周|上个月|去年|前年|刚才|那天|当时|今天早上|上次|告诉我|对我说|跟我说");

    private static boolean hasUniversal(String pre) {
        return pre.contains("每") || pre.contains("任何") || pre.contains("所有") || pre.contains("凡是");
    }

    private ChineseRewriter() {
    }

    static boolean isHan(char c) {
        return c >= '\u3400' && c <= '\u9fff' || c >= '\uf900' && c <= '\ufaff';
    }

    static boolean isTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '\n';
    }

    /**
     * Analyses {@code text}: edits (relative to {@code text}, only those at or after {@code editFrom})
     * and stereotype spans. Commits each complete sentence to {@code track}.
     *
     * @return the offset where a trailing incomplete sentence starts ({@code text.length()} when none)
     */
    static int process(String text, int editFrom, Discourse.Track track, List<Edit> edits, List<int[]> stereotypes) {
        int n = text.length();
        int from = 0;
        boolean inQuote = track.inQuote;
        List<Mention> sentenceMentions = new ArrayList<>();
        List<Integer> mentionAt = new ArrayList<>();
        while (from < n) {
            int end = from;
            while (end < n && !isTerminator(text.charAt(end)) && !latinEnd(text, end)) {
                end++;
            }
            boolean complete = end < n;
            if (complete) {
                end++;
                while (end < n && "”’」』）\")".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
            }
            boolean han = false;
            for (int k = from; k < end && !han; k++) {
                han = isHan(text.charAt(k));
            }
            sentenceMentions.clear();
            mentionAt.clear();
            if (han) {
                inQuote = sentence(text, from, end, editFrom, track, inQuote, sentenceMentions, mentionAt, edits,
                        stereotypes);
            }
            if (!complete) {
                return from;
            }
            if (text.charAt(end - 1) == '\n') {
                inQuote = false; // a line break closes a stray quotation mark
            }
            track.commit(sentenceMentions, inQuote);
            from = end;
        }
        return n;
    }

    private static boolean latinEnd(String s, int i) {
        char c = s.charAt(i);
        return (c == '.' || c == '!' || c == '?') && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))
                && i > 0 && isHan(s.charAt(i - 1));
    }

    private static boolean sentence(String s, int from, int to, int editFrom, Discourse.Track track, boolean inQuote,
                                    List<Mention> mentions, List<Integer> mentionAt, List<Edit> edits,
                                    List<int[]> stereotypes) {
        boolean stereo = Stereotypes.chinese(s.substring(from, to));
        if (stereo) {
            int a = from;
            while (a < to && Character.isWhitespace(s.charAt(a))) {
                a++;
            }
            int b = to;
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
                b--;
            }
            stereotypes.add(new int[] {a, b});
        }
        int title = 0;
        int clauseStart = from;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '“' || c == '「' || c == '『') {
                inQuote = true;
            } else if (c == '”' || c == '」' || c == '』') {
                inQuote = false;
            } else if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '《') {
                title++;
            } else if (c == '》') {
                title = Math.max(0, title - 1);
            }
            if (c == '，' || c == ',' || c == '：' || c == ':' || c == '、') {
                clauseStart = i + 1;
            }
            boolean skip = inQuote || title > 0;
            if (c == '他' || c == '她') {
                int d = doublet(s, i, to);
                if (d > 0) {
                    Entity e = resolve(mentions, mentionAt, track, i, 'u');
                    Entity g = e != null && e.generic ? e : new Entity(true, 'u');
                    mentions.add(new Mention(g, track.sentence));
                    mentionAt.add(i);
                    if (!skip && i >= editFrom) {
                        edits.add(new Edit(i, d, "TA", "zh.pronoun.doublet", EnglishRewriter.T_PRONOUN));
                    }
                    i = d;
                    continue;
                }
                if (isPronoun(s, i, from, to)) {
                    char gender = c == '她' ? 'f' : 'm';
                    Entity e = null;
                    if (subjectPosition(s, clauseStart, i)) {
                        // a clause-initial subject pronoun continues the topic, not a noun possessed
                        // by a pronoun (他的病人, weak mentions)
                        e = resolveSkippingWeak(mentions, mentionAt, track, i, gender);
                    }
                    if (e == null) {
                        e = resolve(mentions, mentionAt, track, i, gender);
                    }
                    if (e == null) {
                        e = new Entity(false, gender);
                    }
                    mentions.add(new Mention(e, track.sentence));
                    mentionAt.add(i);
                    if (e.generic && !skip && i >= editFrom) {
                        edits.add(new Edit(i, i + 1, "TA", "zh.pronoun", EnglishRewriter.T_PRONOUN));
                    }
                    i++;
                    continue;
                }
            }
            // a name at the start of a clause: 小王说, 李娜在, 屠呦呦是
            if (i == clauseStart || (i > from && !isHan(s.charAt(i - 1)))) {
                int nameEnd = nameAt(s, i, to);
                if (nameEnd > 0) {
                    mentions.add(new Mention(new Entity(false, 'u'), track.sentence));
                    mentionAt.add(i);
                    i = nameEnd;
                    continue;
                }
            }
            // 小张/老李 anywhere in a clause (经理批评了小张，他…): a nickname is a name
            if ((c == '小' || c == '老') && i + 1 < to && SURNAMES.indexOf(s.charAt(i + 1)) >= 0
                    && (i + 2 >= to || NAME_FOLLOWERS.indexOf(s.charAt(i + 2)) >= 0
                    || "，,。！？；：、）)".indexOf(s.charAt(i + 2)) >= 0)) {
                mentions.add(new Mention(new Entity(false, 'u'), track.sentence));
                mentionAt.add(i);
                i += 2;
                continue;
            }
            List<String> cands = BY_FIRST.get(c);
            String word = null;
            if (cands != null) {
                for (String w : cands) {
                    if (s.startsWith(w, i) && i + w.length() <= to) {
                        word = w;
                        break;
                    }
                }
            }
            if (word == null) {
                if ((c == '者' || c == '员' || c == '师') && i - 1 > clauseStart && isHan(s.charAt(i - 1))
                        && "或再前后两三四几笔动出誓的是和与".indexOf(s.charAt(i - 1)) < 0
                        && (i + 1 >= to || "工傅范资".indexOf(s.charAt(i + 1)) < 0)) {
                    // an unlisted person noun by its suffix: 驾驶者, 管理员, 营养师
                    Entity e = nounEntity(s, i - 1, clauseStart, from, mentions, mentionAt);
                    mentions.add(new Mention(e, track.sentence, possessedByPronoun(s, i - 1, clauseStart)));
                    mentionAt.add(i - 1);
                }
                i++;
                continue;
            }
            int wEnd = i + word.length();
            Character kin = KIN.get(word);
            Entity e;
            if (kin != null) {
                e = new Entity(false, kin);
            } else {
                e = nounEntity(s, i, clauseStart, from, mentions, mentionAt);
            }
            mentions.add(new Mention(e, track.sentence, kin == null && possessedByPronoun(s, i, clauseStart)));
            mentionAt.add(i);
            String neutral = ROLE_TERMS.get(word);
            // A role term stays only as the predicate of someone identified otherwise (我姐姐是一名空姐);
            // a person known only by the term (那个女博士) gets the neutral term, their 她 stays.
            boolean anchored = !e.generic && predicateAnchored(s, i, clauseStart, from, mentions, mentionAt);
            if (neutral != null && !anchored && !skip && !stereo && i >= editFrom) {
                edits.add(new Edit(i, wEnd, neutral, "zh.role-term", EnglishRewriter.T_ROLE));
            }
            i = wEnd;
        }
        return inQuote;
    }

    /** Clause-initial words that leave the next word in subject position: 那么他…, 所以她…, 如果他… */
    private static final String[] CONNECTIVES = {"那么", "那", "则", "就", "也", "还", "而且", "并且", "但是", "但",
        "可是", "不过", "所以", "因此", "因而", "同时", "然后", "接着", "于是", "否则", "此时", "这时", "这时候", "首先",
        "其次", "最后", "如果", "假如", "若", "要是", "一旦", "只要", "即使", "虽然", "因为", "当", "而"};

    /** Is the pronoun at {@code i} the subject of its clause (only connectives before it in the clause)? */
    private static boolean subjectPosition(String s, int clauseStart, int i) {
        int k = clauseStart;
        while (k < i) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c)) {
                k++;
                continue;
            }
            String hit = null;
            for (String w : CONNECTIVES) {
                if (s.startsWith(w, k) && k + w.length() <= i && (hit == null || w.length() > hit.length())) {
                    hit = w;
                }
            }
            if (hit == null) {
                return false;
            }
            k += hit.length();
        }
        return true;
    }

    /** 他的/她的/TA的 right before the noun at {@code i}. */
    private static boolean possessedByPronoun(String s, int i, int clauseStart) {
        if (i - 2 < clauseStart || s.charAt(i - 1) != '的') {
            return false;
        }
        char p = s.charAt(i - 2);
        return p == '他' || p == '她' || (p == 'A' && i - 3 >= clauseStart && s.charAt(i - 3) == 'T');
    }

    /** The nearest earlier fitting mention that is not weak (a noun possessed by a pronoun), or null. */
    private static Entity resolveSkippingWeak(List<Mention> mentions, List<Integer> at, Discourse.Track track,
                                              int pos, char gender) {
        for (int k = mentions.size() - 1; k >= 0; k--) {
            Mention m = mentions.get(k);
            if (at.get(k) < pos && !m.weak() && fits(m.entity(), gender)) {
                return m.entity();
            }
        }
        for (int k = track.mentions.size() - 1; k >= 0; k--) {
            Mention m = track.mentions.get(k);
            if (!m.weak() && fits(m.entity(), gender)) {
                return m.entity();
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern HYPOTHETICAL = java.util.regex.Pattern.compile(
            "如果|假如|假设|倘若|要是|一旦|只要|应该|应当|必须|需要");

    /**
     * Is the noun at {@code i} the subject of a condition (如果病人…) or a quantified noun in a clause
     * that is a condition or a rule (一个病人如果…, …应该…)? Then it stays generic even in a reported
     * past event (医生告诉我，一个病人如果…).
     */
    private static boolean hypotheticalClause(String s, int clauseStart, int i) {
        for (String c : CONDITIONS) {
            if (c.length() > 1 && s.startsWith(c, i - c.length()) && i - c.length() >= clauseStart) {
                return true; // …告诉我如果病人发烧: the condition's subject
            }
        }
        int end = i;
        while (end < s.length() && "，,。；！？\n".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String pre = s.substring(Math.max(clauseStart, i - 10), i);
        boolean quantified = false;
        for (String q : QUANTIFIERS) {
            quantified |= pre.contains(q);
        }
        // the past marker must be outside the noun's clause (昨天一位医生告诉我如果… is an event)
        return quantified && !PAST_TIME.matcher(s.substring(clauseStart, i)).find()
                && HYPOTHETICAL.matcher(s.substring(clauseStart, end)).find();
    }

    /** The entity a person noun at {@code i} introduces, from what precedes it in its clause. */
    private static Entity nounEntity(String s, int i, int clauseStart, int sentenceStart, List<Mention> mentions,
                                     List<Integer> mentionAt) {
        String pre = s.substring(Math.max(clauseStart, i - 10), i);
        // 我的室友, 我姐姐, 他的同事: someone's particular person
        if (pre.endsWith("他的") || pre.endsWith("她的")) {
            return new Entity(false, 'u');
        }
        // 老王的孩子, 张医生的病人: possessed by a specific person just before 的
        if (i > clauseStart && s.charAt(i - 1) == '的' && !mentions.isEmpty()) {
            int m = mentions.size() - 1;
            int at = mentionAt.get(m);
            if (at >= clauseStart && i - 1 - at <= 4 && !mentions.get(m).entity().generic
                    && allHan(s, at, i - 1)) {
                return new Entity(false, 'u');
            }
        }
        int me = Math.max(pre.lastIndexOf('我'), pre.lastIndexOf('咱'));
        if (me >= 0) {
            // 我们班主任, 我的同事: unless a quantifier or a condition follows (我认为一个好老师…,
            // 告诉我如果病人…)
            String after = pre.substring(me);
            boolean quantified = false;
            for (String q : QUANTIFIERS) {
                quantified |= after.contains(q);
            }
            for (String c : CONDITIONS) {
                quantified |= c.length() > 1 && after.contains(c);
            }
            if (!quantified) {
                return new Entity(false, 'u');
            }
        }
        // 那位医生, 这个客户: someone pointed at
        if (pre.endsWith("那位") || pre.endsWith("这位") || pre.endsWith("那名") || pre.endsWith("这名")
                || pre.endsWith("那个") || pre.endsWith("这个")) {
            return new Entity(false, 'u');
        }
        // 昨天…医生: an event in the past is about someone in particular
        if (!hasUniversal(pre) && PAST_TIME.matcher(s.substring(sentenceStart, Math.min(s.length(), i + 12))).find()
                && !hypotheticalClause(s, clauseStart, i)) {
            return new Entity(false, 'u');
        }
        // 张医生, 王老师: a title after a surname
        if (i > 0 && SURNAMES.indexOf(s.charAt(i - 1)) >= 0 && (i - 1 == clauseStart || i - 1 == sentenceStart
                || !isHan(s.charAt(i - 2)) || s.charAt(i - 2) == '是' || s.charAt(i - 2) == '和')) {
            return new Entity(false, 'u');
        }
        int q = -1;
        for (String quant : QUANTIFIERS) {
            int at = pre.lastIndexOf(quant);
            if (at >= 0 && at > q) {
                q = at;
            }
        }
        Entity subject = looseCopulaSubject(s, i, clauseStart, mentions, mentionAt);
        if (subject != null) {
            // 刘洋是中国第一位女航天员: a predicate about the clause's subject
            return subject;
        }
        if (q >= 0) {
            // 是一名…, 成为一位…: a predicate about someone already named (作为一名… stays generic)
            String beforeQ = pre.substring(0, q);
            if (beforeQ.endsWith("是") || beforeQ.endsWith("成为")) {
                int absQ = Math.max(clauseStart, i - 10) + q;
                for (int m = mentions.size() - 1; m >= 0; m--) {
                    if (mentionAt.get(m) < absQ && mentionAt.get(m) >= sentenceStart) {
                        return mentions.get(m).entity();
                    }
                }
                return new Entity(false, 'u');
            }
            return new Entity(true, 'u');
        }
        // a bare role: generic in rules, conditions, advice and job ads
        return new Entity(true, 'u');
    }

    /**
     * The subject of a copula 是/成为 earlier in the clause of the noun at {@code i}, with other words
     * and a classifier phrase between (刘洋是中国第一位女航天员, 他是公司的一名销售员): the person mentioned
     * before the copula in the same clause, or null (no copula, 但是/还是/总是/是否…, no person before it).
     */
    private static Entity looseCopulaSubject(String s, int i, int clauseStart, List<Mention> mentions,
                                             List<Integer> mentionAt) {
        int from = Math.max(clauseStart, i - 10);
        int cop = -1;
        for (int k = i - 1; k >= from && cop < 0; k--) {
            char c = s.charAt(k);
            if (c == '是' && (k == from || "但还就总于凡要可只而正倒硬若".indexOf(s.charAt(k - 1)) < 0)
                    && "否不".indexOf(s.charAt(k + 1)) < 0) {
                cop = k;
            } else if (c == '为' && k > from && s.charAt(k - 1) == '成') {
                cop = k - 1;
            }
        }
        if (cop < 0) {
            return null;
        }
        // a classifier phrase between them makes the noun the predicate (是…第一位…, 是…一名…), not
        // the object of another verb (责任是保护病人)
        String between = s.substring(cop, i);
        boolean quantified = false;
        for (String q : QUANTIFIERS) {
            quantified |= q.length() > 1 && between.contains(q);
        }
        if (!quantified) {
            return null;
        }
        for (int m = mentions.size() - 1; m >= 0; m--) {
            int at = mentionAt.get(m);
            if (at < cop && at >= clauseStart && !mentions.get(m).weak()) {
                return mentions.get(m).entity();
            }
        }
        return null;
    }

    /** 是/成为 (一名…) before the term at {@code i}, about a subject that is not a generic role. */
    private static boolean predicateAnchored(String s, int i, int clauseStart, int sentenceStart,
                                             List<Mention> mentions, List<Integer> mentionAt) {
        int from = Math.max(clauseStart, i - 10);
        String pre = s.substring(from, i);
        int q = -1;
        for (String quant : QUANTIFIERS) {
            int at = pre.lastIndexOf(quant);
            if (at >= 0 && at + quant.length() > q) {
                q = at;
            }
        }
        String beforeQ = q >= 0 ? pre.substring(0, q) : pre;
        int cop = beforeQ.endsWith("是") ? from + beforeQ.length() - 1
                : beforeQ.endsWith("成为") ? from + beforeQ.length() - 2 : -1;
        if (cop < 0) {
            Entity subject = looseCopulaSubject(s, i, clauseStart, mentions, mentionAt);
            return subject != null && !subject.generic;
        }
        for (int m = mentions.size() - 1; m >= 0; m--) {
            if (mentionAt.get(m) < cop && mentionAt.get(m) >= sentenceStart) {
                return !mentions.get(m).entity().generic;
            }
        }
        return true; // an unknown subject before 是: a name
    }

    /** A Chinese name starting at {@code i}: 小王/老李, or surname + one or two characters before a verb. */
    private static int nameAt(String s, int i, int to) {
        char c = s.charAt(i);
        if ((c == '小' || c == '老') && i + 2 <= to && SURNAMES.indexOf(s.charAt(i + 1)) >= 0
                && i + 2 < to && NAME_FOLLOWERS.indexOf(s.charAt(i + 2)) >= 0) {
            return i + 2;
        }
        if (SURNAMES.indexOf(c) < 0) {
            return -1;
        }
        for (String q : QUANTIFIERS) {
            if (s.startsWith(q, i)) {
                return -1; // 任何人都…, 任一…: a quantifier, not the surname 任
            }
        }
        for (int len = 3; len >= 2; len--) {
            int e = i + len;
            if (e < to && allHan(s, i + 1, e) && NAME_FOLLOWERS.indexOf(s.charAt(e)) >= 0
                    && !dictionaryWordAt(s, i + 1, e)) {
                return e;
            }
        }
        return -1;
    }

    private static boolean allHan(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isHan(s.charAt(k)) || s.charAt(k) == '他' || s.charAt(k) == '她') {
                return false;
            }
        }
        return true;
    }

    private static boolean dictionaryWordAt(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            List<String> c = BY_FIRST.get(s.charAt(k));
            if (c != null) {
                for (String w : c) {
                    if (s.startsWith(w, k)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** 他或她, 她或他, 他/她, 他（她）, 他(她): returns the end, or -1. */
    private static int doublet(String s, int i, int to) {
        char a = s.charAt(i);
        char other = a == '他' ? '她' : '他';
        if (i + 3 <= to && (s.charAt(i + 1) == '或' || s.charAt(i + 1) == '/' || s.charAt(i + 1) == '／')
                && s.charAt(i + 2) == other) {
            return i + 3;
        }
        if (i + 4 <= to && s.startsWith("或者", i + 1) && s.charAt(i + 3) == other) {
            return i + 4;
        }
        if (i + 4 <= to && (s.charAt(i + 1) == '（' || s.charAt(i + 1) == '(') && s.charAt(i + 2) == other
                && (s.charAt(i + 3) == '）' || s.charAt(i + 3) == ')')) {
            return i + 4;
        }
        return -1;
    }

    private static final String NOT_AFTER = "们人乡国处日物者山杀律汀";
    private static final String NOT_BEFORE = "其吉利排无";

    /** 他/她 as a pronoun, not inside 他们, 其他, 他人, 吉他, 利他 … */
    private static boolean isPronoun(String s, int i, int from, int to) {
        if ((i + 1 < s.length() && isLatinOrDigit(s.charAt(i + 1))) || (i > 0 && isLatinOrDigit(s.charAt(i - 1)))) {
            return false; // glued to a Latin word: TA would merge into it
        }
        if (i + 1 < to && NOT_AFTER.indexOf(s.charAt(i + 1)) >= 0) {
            return false;
        }
        return !(i > from && NOT_BEFORE.indexOf(s.charAt(i - 1)) >= 0);
    }

    private static boolean isLatinOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '’';
    }

    private static Entity resolve(List<Mention> mentions, List<Integer> at, Discourse.Track track, int pos,
                                  char gender) {
        for (int k = mentions.size() - 1; k >= 0; k--) {
            if (at.get(k) < pos && fits(mentions.get(k).entity(), gender)) {
                return mentions.get(k).entity();
            }
        }
        for (int k = track.mentions.size() - 1; k >= 0; k--) {
            if (fits(track.mentions.get(k).entity(), gender)) {
                return track.mentions.get(k).entity();
            }
        }
        return null;
    }

    private static boolean fits(Entity e, char gender) {
        return e.gender == 'u' || gender == 'u' || e.gender == gender;
    }
}
