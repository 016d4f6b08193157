package dev.ethos.safety.misinfo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a sentence holds what it says: as a question, in fiction, as a debunk, as a report of what
 * others claim, as an opinion, hedged, or attributed to a named source. A sentence that only
 * mentions, questions, denies, quotes or tells a story about a claim does not assert it. Built
 * from general lexicons in English and Chinese; immutable.
 */
record Stance(boolean question, boolean fiction, boolean debunk, boolean report, boolean opinion, boolean hedged,
              boolean namedSource) {

    /** Patterns are written in lower case and run on lower-cased text (case-insensitive matching is slow). */
    private static final int CI = 0;

    private static final Gate ZH_QUESTION = Gate.zh("(吗|呢|么|到底|是否|是不是|能不能|会不会|有没有|可不可以|对不对|真的假的)");

    private static final Gate EN_FICTION = Gate.of("\\b((in|for|write|writing|tell|telling|here's|here is|my|"
            + "our|his|her) (me )?(a |an |my |the |this |his |her |our )?(short |bedtime |fairy |ghost |love |sci-?fi |"
            + "fantasy |children's |kids' |adventure )?stor(y|ies)|short stor(y|ies)|novels?|novella|fiction(al)?|"
            + "fantasy|sci-?fi|science fiction|fairy ?tales?|fables?|legends?|plot (idea|twist|of the)|"
            + "(story|novel|movie|film|game) plot|screenplay|script (idea|for)|tabletop|board game|video game|"
            + "role-?play(ing)?|rpg|campaign setting|villains?|heroine|protagonist|once upon a time|wizards?|"
            + "dragons?|in the (book|movie|show|series|game|comic|film|play|cartoon|sitcom|anime|manga|musical|fable|parody|sketch)|poem|dungeon|fairy|mythical|"
            + "imagine a world|writing prompt|game master|sequel|episode of|(in|for) (the|our|my|this|a|your) "
            + "([\\w-]+ )?(game|novel|story|movie|comic|campaign|screenplay|script)|(the|this|a|my|our) (film|movie|"
            + "documentary|show|series|drama|play|musical|thriller) (follows|tells|is about|depicts|portrays|"
            + "centers on|centres on|imagines|shows how))\\b");
    private static final Gate ZH_FICTION = Gate.zh("小说|故事|科幻|剧本|剧情|传说|神话|童话|游戏里|游戏中|武侠|玄幻|仙侠|"
            + "电影里|电视剧里|主角|角色|寓言|虚构|设定里|情节");

    private static final Gate EN_DEBUNK = Gate.of("\\b(myths?|misconceptions?|contrary to (popular|common) "
            + "(belief|opinion|wisdom)|debunk(ed|s|ing)?|no (scientific |good |credible |real )?evidence|"
            + "not (true|accurate|correct|supported)|(is|are|was|were) (false|untrue|incorrect|wrong|misleading|baseless)|"
            + "rated (this|it|the claim|that|them|the post|the video) (as )?(false|misleading|untrue|pants on fire)|"
            + "fact-?check(ers|ed|ing|s)?|no basis|baseless|unfounded|unproven|(rejected|refuted|dismissed|"
            + "denied|disputed) (the|this|that|these|those|such) (claims?|rumou?rs?|theor(y|ies)|idea)|"
            + "(been|was|were) (disproven|debunked|refuted|discredited)|(now-)?retracted|withdrawn paper|(wrongly|mistakenly|falsely|incorrectly) (believe|"
            + "believed|think|thought|assume|assumed|claim|claimed)|(historians|scientists|experts|researchers|"
            + "scholars) (doubt|dispute|reject|question)|disproven|despite what (you|many|some|most) "
            + "(may |might )?(have )?(heard|think|believe)|the (correct )?answer (was|is) no|no (known |proven )?"
            + "(link|connection|association) between|(have|has|had) not found (a|any) (link|connection|evidence)|"
            + "found no (link|evidence|connection|association)|urban legend|old wives'? tale|"
            + "(a|the) (false|bogus|debunked) claim|isn't actually|aren't actually|in fact,? (it|they|this) (is|are)"
            + "(n't| not))\\b");
    private static final Gate ZH_DEBUNK = Gate.zh("谣言|辟谣|误区|没有科学依据|缺乏科学依据|没有(任何)?证据|"
            + "没有(任何)?(关系|关联|联系)|并无(关系|关联|证据|依据)|不实|伪科学|否认|并不能|并不会|并没有|是错误的|不正确|"
            + "相反|误解|纯属|站不住脚|不科学|不靠谱|无稽之谈|不可信|已被证伪|没有依据|毫无根据|谣传|被证实是假");

    private static final Gate EN_REPORT = Gate.of("\\b(claimed|claiming|claims that|claim that|"
            + "the claims?\\b|alleged(ly)?|allegations?|rumou?rs?|rumou?red|purported(ly)?|supposedly|"
            + "(post|video|tweet|message|article|meme|clip)s? (saying|claiming|that claimed|suggesting|alleging)|"
            + "posts? (claimed|said|saying|suggested)|some (people|websites|sites|posts|users|influencers|commenters|"
            + "outlets|activists|groups|parents) (say|said|claim|believe|think|argue|insist|suggest)|"
            + "(people|folks|they|many|others|critics) (say|said|claim|believe|think)|(i've|i have|you may have|"
            + "you might have|you've) heard|attributed to|the (phrase|quote|quotation|line|slogan|rumou?r) |"
            + "(it is|it's) (often )?said that|many (people )?believe|the (saying|idea|notion|belief|theory|"
            + "expression|phrase|adage) (that|about|of)?|the (article|report|podcast|episode|documentary|book|"
            + "paper|lecture|course|video|essay|exhibit|museum|study guide) (traces|documents|describes|discusses|"
            + "explains|examines|explores|looks at|covers|recounts|reviews|tells)|discuss(es|ed)? (why|how|the)|"
            + "traces? (the|how|why)|(asked|asks|ask|wondered|wonder) (readers |people |listeners |viewers )?whether|"
            + "conspiracy theor(y|ies)|shared a post|circulated|went viral|spread online|making the rounds|"
            + "history of the (saying|myth|claim|idea))\\b");
    private static final Gate ZH_REPORT = Gate.zh("声称|传言|网传|据传|有帖子|网上有|说法|有人说|坊间|流传|"
            + "这篇文章|梳理|讨论了|介绍了|探讨|号称|宣称|谣传");

    private static final Gate EN_OPINION = Gate.of("(^|\\b)(in my (humble )?(opinion|view)|i think|"
            + "i believe|i feel|personally|honestly,? i|my take|imo|i'd say|i would say|i prefer|i find|"
            + "(just )?my (personal )?(opinion|view|preference)|personal preference|that's my view|i guess|"
            + "i suspect)\\b");
    private static final Gate ZH_OPINION = Gate.zh("我个人(觉得|认为)|我认为|我觉得|在我看来|个人觉得|个人认为|我的看法|"
            + "我个人的感受|只是我的感受|我猜");

    private static final Gate EN_HEDGE = Gate.of("\\b(may|might|possibly|perhaps|suggests?|suggested|"
            + "preliminary|early (research|evidence|studies|results|data)|evidence (is|remains) (mixed|limited|weak|"
            + "inconclusive|unclear)|(results|evidence|findings|data|studies|research) (are|is|remain|were|was) (mixed|"
            + "conflicting)|inconclusive|limited (evidence|data|research)|more research|"
            + "not (yet )?(clear|known|proven|established|certain)|uncertain|unclear|modest|tentative|"
            + "some evidence|weak evidence|it is possible|could potentially)\\b");
    private static final Gate ZH_HEDGE = Gate.zh("可能|或许|也许|不一定|尚不明确|尚不清楚|证据(并)?不一致|"
            + "证据有限|有待|需要更多研究|还需要更多|初步|尚无定论|有助于|不确定");

    /** A named, checkable source: an organisation, a journal, a census, an official report. */
    private static final Gate EN_NAMED = Gate.of("\\b(according to|based on|as reported (by|in)|"
            + "reported by|data from|figures from|published (in|by)|(report|study|survey|trial|meta-analysis|"
            + "review|paper|analysis|fact sheet) (published |released )?(in|by|from))\\s+"
            + "(the\\s+)?(?<year>\\d{4}\\s+)?");
    private static final Pattern EN_VAGUE_SOURCE = Pattern.compile("(studies|study|research|experts|scientists|doctors|"
            + "statistics|sources|reports|surveys|some|many|a|an)\\b.*");
    private static final Pattern EN_DATED_SOURCE = Pattern.compile("\\d{4} (census|survey)\\b.*");
    private static final Pattern EN_NAMED_SUBJECT = Pattern.compile(
            "\\b([A-Z]{2,6}|Reuters|Associated Press|Gallup|Pew|Eurostat|Census Bureau|[A-Z][a-z]+ (Institute|"
                    + "Organization|Organisation|Agency|Department|Ministry|Bureau|Office|Administration|Centers|"
                    + "Council|Society|Association|Academy|University|Foundation|Survey))('s)?\\b[^.;]{0,60}?\\b"
                    + "(reports?|reported|states?|stated|recommends?|recommended|estimates?|estimated|finds|found|"
                    + "says|said|data|fact sheet|report|figures|statistics|census|guidelines?|published|announced|"
                    + "confirms|confirmed|shows|showed)\\b");
    private static final Gate EN_CITATION = Gate.of("\\b(doi|vol\\.|volume|journal|"
            + "lancet|nature|bmj|jama|nejm|n engl j med|proceedings|census|fact sheet)\\b");
    private static final Pattern EN_VAGUE_ACRONYM = Pattern.compile("^(COVID|HIV|AIDS|DNA|RNA|IQ|UV|SPF|MMR|BREAKING|"
            + "URGENT|NEW|WOW|OMG|CEO|TV|PC|USA|US|UK|EU|GPS|AI)$");
    private static final Gate ZH_NAMED = Gate.zh("[\\p{IsHan}]{2,12}(局|部|委|组织|中心|研究院|研究所|医院|"
            + "协会|学会|署|公司|银行)(的|发布的|公布的)?(最新)?(数据|报告|统计|调查|研究|公报)(显示|表明|指出)|"
            + "(据|根据|来自|按照)(?!调查|统计(?!局)|研究|专家|说|传|悉|了解|报道称|网友)"
            + "[\\p{IsHan}A-Za-z0-9]{2,16}?(局|部|委|委员会|组织|中心|研究院|研究所|大学|医院|协会|学会|署|办公室|公司|报|社|台|"
            + "年鉴|公报|普查)|《[^》]{2,30}》");

    /** The stance of {@code sentence}; {@code prev} is the sentence before it (or ""). */
    static Stance of(String sentence, String lang, String prev) {
        String s = sentence.strip();
        String l = Terms.lower(s);
        boolean zh = "zh".equals(lang) || Terms.hasHan(s);
        long mask = zh ? Gate.maskZh(l) : Gate.mask(l);
        boolean question = endsWithQuestion(l) || (zh && ZH_QUESTION.find(s, mask) && endsLoose(s));
        boolean fiction = has(zh, ZH_FICTION, EN_FICTION, l, mask)
                || (!prev.isEmpty() && fiction(Terms.lower(prev), Terms.hasHan(prev)));
        boolean debunk = has(zh, ZH_DEBUNK, EN_DEBUNK, l, mask);
        // A report the sentence itself endorses ("the idea that X …, and it's true") is an assertion.
        boolean report = has(zh, ZH_REPORT, EN_REPORT, l, mask) && !(debunk || endorsed(l, zh));
        boolean opinion = has(zh, ZH_OPINION, EN_OPINION, l, mask);
        boolean hedged = has(zh, ZH_HEDGE, EN_HEDGE, l, mask);
        boolean named = zh ? ZH_NAMED.find(s, mask) : namedEnglish(s, l, mask);
        return new Stance(question, fiction, debunk, report, opinion, hedged, named);
    }

    /** Run only on a sentence that reports a claim: it also says the claim is true. */
    private static final Pattern EN_ENDORSE = Pattern.compile("\\b(and |but )?(it'?s|it is|that'?s|that is|this is|"
            + "they'?re|they are) (absolutely |completely |totally |perfectly |100% |actually |really )?(true|correct|"
            + "right|a fact|real|accurate)\\b|\\b(turns out to be|turned out to be|proved to be|is in fact) (true|right|"
            + "correct|real)\\b");
    private static final Pattern ZH_ENDORSE = Pattern.compile("(这|这是|确实|的确)(是)?(真的|事实|对的)|(说法|传言)(是)?(真的|属实|没错|正确)");

    private static boolean endorsed(String lower, boolean zh) {
        return (zh ? ZH_ENDORSE : EN_ENDORSE).matcher(lower).find();
    }

    /** Fiction framing in {@code s} (lower-cased). */
    static boolean fiction(String s, boolean zh) {
        return has(zh, ZH_FICTION, EN_FICTION, s, zh ? Gate.maskZh(s) : Gate.mask(s));
    }

    /** {@code mask} is {@link Gate#maskZh} of the text when {@code zh}, else {@link Gate#mask}. */
    private static boolean has(boolean zh, Gate zhGate, Gate en, String lower, long mask) {
        return zh ? zhGate.find(lower, mask) : en.find(lower, mask);
    }

    private static boolean endsWithQuestion(String s) {
        int i = s.length() - 1;
        while (i >= 0 && "\"'”’)」』）".indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '?' || c == '？') {
            return true;
        }
        // "Is it true that ..." without a question mark.
        return s.startsWith("is it true");
    }

    private static boolean endsLoose(String s) {
        String t = s.replaceAll("[。！？?!.\\s]+$", "");
        return t.endsWith("吗") || t.endsWith("呢") || t.endsWith("么") || t.endsWith("吧");
    }

    private static boolean namedEnglish(String s, String lower, long mask) {
        if (EN_CITATION.find(lower, mask) || lower.contains("et al") || lower.contains("pp.")) {
            return true;
        }
        if (!EN_NAMED.possible(mask)) {
            return namedSubject(s);
        }
        var n = EN_NAMED.matcher(lower);
        while (n.find()) {
            int at = n.end();
            if (at < s.length() && (Character.isUpperCase(s.charAt(at))
                    && !EN_VAGUE_SOURCE.matcher(lower.substring(at)).matches()
                    || EN_DATED_SOURCE.matcher(lower.substring(n.start("year") >= 0 ? n.start("year") : at)).matches())) {
                return true;
            }
        }
        return namedSubject(s);
    }

    /** "according to the city's survey office": an office, agency or institute, named by what it is. */
    private static final Pattern EN_NAMED_ORG = Pattern.compile("\\b(according to|based on|data from|figures from|"
            + "reported by|published by) (the |a |an )?([\\w'-]+ ){0,3}(office|agency|department|ministry|bureau|"
            + "institute|council|commission|center|centre|university|hospital|registry|census|statistics office|"
            + "authority|administration|organi[sz]ation)\\b");

    /** The reporting verbs {@link #EN_NAMED_SUBJECT} needs: a cheap gate before the case-sensitive scan. */
    private static final Gate EN_REPORTING_VERB = Gate.of("\\b(reports?|reported|states?|stated|recommends?|"
            + "recommended|estimates?|estimated|finds|found|says|said|data|fact sheet|figures|statistics|census|"
            + "guidelines?|published|announced|confirms|confirmed|shows|showed)\\b");
    private static final Gate EN_ATTRIBUTION = Gate.of("\\b(according|based on|data from|figures from|reported by|"
            + "published by)\\b");

    private static boolean namedSubject(String s) {
        String lower = Terms.lower(s);
        long mask = Gate.mask(lower);
        if (EN_ATTRIBUTION.possible(mask) && EN_NAMED_ORG.matcher(lower).find()) {
            return true;
        }
        if (!EN_REPORTING_VERB.find(lower, mask)) {
            return false;
        }
        var m = EN_NAMED_SUBJECT.matcher(s);
        while (m.find()) {
            String who = m.group(1);
            if (!EN_VAGUE_ACRONYM.matcher(who).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True when the sentence only mentions, questions, denies, reports or imagines what it says. */
    boolean nonAssertive() {
        return question || fiction || debunk || report;
    }
}
