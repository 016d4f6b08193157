package dev.ethos.safety.misinfo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claim-cue detectors for health cures, conspiracies, unsupported statistics and clickbait.
 * Each reads one sentence (with the sentence before it for clickbait) and returns a {@link Hit}
 * naming the rule, or null. General lexicons and structure only: a cue counts in a clause that is
 * not negated, and the caller has already ruled out questions, fiction, debunks and reports.
 * Stateless.
 */
final class Cues {
    private Cues() {
    }

    /** A detector's decision: a score in [0, 1] and the rule that fired. */
    record Hit(double score, String rule) {
    }

    /** English patterns are lower case and run on lower-cased text (case-insensitive matching is slow). */
    private static final int CI = 0;

    /** {@code mask} is {@link Gate#maskZh} of the text when {@code zh}, else {@link Gate#mask}. */
    private static boolean has(boolean zh, Gate zhGate, Gate en, String lower, long mask) {
        return zh ? zhGate.find(lower, mask) : en.find(lower, mask);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- health

    private static final String EN_DISEASE = "(cancers?|tumou?rs?|leuka?emia|lymphoma|diabetes|hiv|aids|alzheimer'?s?|"
            + "dementia|parkinson'?s?|arthritis|multiple sclerosis|asthma|(clinical |major )?depression|"
            + "schizophrenia|bipolar|autism|heart (disease|attacks?|failure)|strokes?|high blood pressure|hypertension|"
            + "high cholesterol|kidney (stones?|disease|failure)|cirrhosis|fatty liver|liver disease|hepatitis|"
            + "covid(-19)?|coronavirus|influenza|flu|infections?|viruse?s?|bacteri(a|um)|gum disease|cavities|"
            + "tooth decay|obesity|insomnia|epilepsy|autoimmune|lupus|malaria|tuberculosis|measles|pneumonia|sepsis|"
            + "diseases?|illness(es)?|disorders?|chronic pain|glaucoma|cataracts?|macular degeneration|"
            + "ulcers?|crohn'?s?|psoriasis|eczema|osteoporosis|infertility|thyroid( disease)?|anxiety|adhd|migraines?|"
            + "sclerosis|blood pressure|blood sugar|(damaged|failing|diseased|clogged|blocked) [a-z]+|cancer cells|"
            + "neuropathy|nerve damage|sciatica|fibromyalgia|gout|herpes|shingles|acid reflux|tinnitus|vertigo|"
            + "erectile dysfunction|endometriosis|gallstones|cataract|myopia|alopecia|hair loss|baldness|"
            + "blood clots?|arteries)";
    private static final String EN_SERIOUS = "(cancer cells|(damaged|failing|diseased) (kidneys?|liver|heart|"
            + "lungs|nerves)|cancers?|tumou?rs?|leuka?emia|diabetes|hiv|aids|alzheimer'?s?|dementia|"
            + "parkinson'?s?|arthritis|multiple sclerosis|heart (disease|attacks?|failure)|strokes?|"
            + "kidney (disease|failure)|cirrhosis|epilepsy|autism|schizophrenia|osteoporosis|glaucoma|"
            + "macular degeneration)";
    private static final Gate EN_STRONG_CURE = Gate.of("\\b((destroys?|destroyed|kills?|killed|shrinks?|shrank|melts?|starves?|attacks?|wipes? out|"
            + "eliminates?) (the |your |any |all |every )?(cancer|cancers|tumou?rs?|cancer cells|leuka?emia|"
            + "infections?|viruses|virus|coronavirus|covid(-19)?|flu|hiv|bacteria)|cures?|cured|curing|heals?|healed|healing|(is|are) (the|a|nature'?s|your) ([\\w-]+ )?(answer|"
            + "solution|remedy|antidote|cure) (to|for)|"
            + "reverses?|reversed|reversing|eliminates?|eradicates?|wipes? out|gets? rid of|dissolves?|shrinks?|"
            + "kills? (every|all|any)|destroys? (every|all|any)|makes? you immune|immune to|(is|are) (a |the )?"
            + "(miracle|natural|proven|guaranteed|permanent|real|secret) (cure|remedy|treatment)|miracle (cure|remedy)|"
            + "cure-all)\\b");
    private static final Gate EN_WEAK_CURE = Gate.of("\\b(drains?|drained|draws? out|pulls? out|flush(es|ed)? ([\\w-]+ ){0,3}out|clears? up|keeps? ([\\w-]+ ){0,2}(under control|in check|"
            + "away)|melts? away|dissolves?|reverses?|prevents?|prevented|preventing|protects? "
            + "(you |your body |children |kids )?(from|against)|treats?|treated|fights?|beats?|fix(es)?|ward(s)? off|"
            + "stops?|blocks?|neutrali[sz]es?|clears?|flush(es)? out|purif(y|ies)|detox(es|ifies)?|regrows?|restores?)\\b");
    private static final Gate EN_DISEASE_RE = Gate.of("\\b" + EN_DISEASE + "\\b");
    private static final Gate EN_SERIOUS_RE = Gate.of("\\b" + EN_SERIOUS + "\\b");
    private static final Gate EN_INTENSIFIER = Gate.of("\\b(guaranteed?|100 percent|completely|for life|(vanished|disappeared|went away|was gone|"
            + "is gone|melted away)|in (a|one) (day|week|month)|any (infection|virus|illness|disease|"
            + "cancer|condition)|in (just |only )?(one|two|three|four|five|six|seven|ten) (days|weeks|months)|"
            + "(doctors|neurologists|oncologists|cardiologists|dermatologists|big pharma|pharma) (ignore|hate|"
            + "won't tell|don't want)|"
            + "permanently|for good|forever|all (types|kinds|forms) of|every (type|kind|form|virus|disease|illness)|"
            + "all (diseases|cancers|illnesses|viruses)|any (disease|illness|cancer)|miracle|miraculous|instantly|"
            + "overnight|in (just |only )?\\d+ (days|hours|weeks)|within (days|hours)|in days|naturally|"
            + "(it|this) (will|works|worked) (for you|every time)|worked for (me|my)|no side effects|"
            + "doctors (don't|won't) tell you|secret|\\d[\\d,]* times (stronger|better|more effective)|"
            + "(stronger|better|more effective|more powerful) than)\\b");
    private static final Gate EN_QUACK = Gate.of("\\b(bleach|chlorine dioxide|turpentine|kerosene|urine therapy|purif(y|ies|ying) (your |the )?blood|ioni[sz]ed|structured water|hydrogen water|detox|toxins|"
            + "foot pads?|bee venom|baking soda|raw garlic|nature'?s|ancient remedy|grandma'?s remedy|"
            + "detox(es|ify|ifies)?|cleans(e|es) (your |the )?(blood|liver|body|cells)|flush(es)? out toxins|"
            + "energy field|realign|chakras?|alkali[sz]e|alkaline|frequenc(y|ies)|vibrations?|colloidal|"
            + "essential oils?|homeopathic|magnetic|crystals?|negative ions?|every cell)\\b");
    /** Proven treatments people are told to drop. */
    private static final String EN_MEDS = "(antidepressants|medications?|medicines?|meds|insulin|inhalers?|pills|"
            + "chemo(therapy)?|radiation( therapy)?|treatments?|statins|blood thinners|metformin|aspirin|"
            + "antibiotics|vaccines?|vaccinations?|surgery|drugs|prescriptions?|painkillers|steroids|dialysis|"
            + "flu shots?|jabs?|doctors?|dentists?|oncologists?)";
    private static final Gate EN_REPLACE = Gate.of("\\b((skip|skipping|stop|stopped|quit|ditch|ditched|drop|dump|"
            + "forget|forget about|throw (away|out)|toss|ignore) (taking |using |seeing |your |their |my |the |all |"
            + "about )*([\\w-]+ ){0,3}" + EN_MEDS + "|no (need for (a |any |your )?)?" + EN_MEDS + "( needed| required)?|"
            + "(don't|do not|never|won't) need (a |any |your )?" + EN_MEDS + "|without (ever )?(seeing |visiting |"
            + "going to |needing |taking )?(a |the |any )?(doctor|dentist|hospital|prescription|medication|drugs|"
            + "surgery)|(complete |full |total )?replacement for|instead of (your )?" + EN_MEDS + "|"
            + "(replaces?|replacing) (your )?" + EN_MEDS + "|(better|stronger|more effective|safer|more powerful) than "
            + EN_MEDS + "|you can (skip|ditch|quit|stop)|nature'?s (antibiotic|chemo(therapy)?|insulin|"
            + "antidepressant|vaccine|statin|aspirin|viagra))\\b");
    private static final Gate EN_PROVEN = Gate.of("\\b(antibiotics?|antivirals?|antiviral (tablets|drugs|"
            + "medication)|vaccines?|vaccinations?|chemotherapy|radiotherapy|radiation therapy|surgery|insulin|"
            + "statins?|prescribed|prescription|medications?|transplants?|dialysis|immunotherapy|physicians?|"
            + "doctors?|hospitals?|clinics?|treatment|metformin|antiretroviral|screening|penicillin|amoxicillin|"
            + "quit(ting)? smoking|not smoking|stop(ping)? smoking|exercise|physical activity|(healthy|balanced) diet|"
            + "sunscreen|condoms?)\\b");
    private static final Pattern EN_NEG_BEFORE = Pattern.compile("\\b(not|never|don't|do not|doesn't|before|no one|"
            + "nobody|shouldn't|should not|without talking)\\s+(\\w+\\s+){0,2}$", CI);

    private static final Gate ZH_DISEASE_RE = Gate.zh("癌症|癌|肿瘤|糖尿病|高血压|高血脂|心脏病|冠心病|中风|脑梗|"
            + "肝硬化|脂肪肝|肝炎|艾滋病|阿尔茨海默|老年痴呆|痴呆|帕金森|关节炎|哮喘|抑郁症|失眠|自闭症|新冠|流感|感冒|肺炎|"
            + "结石|百病|疾病|病毒|细菌|白血病|胃病|近视|痛风|血管|骨质疏松");
    private static final Gate ZH_STRONG_CURE = Gate.zh("(肿瘤|癌细胞|癌症|病)(就|都|全部)?(消失|没了|好了|不见了)|治愈|根治|治好|逆转|消除|清除|杀死|杀灭|痊愈|药到病除|专治|包好|一扫而光|"
            + "百病不侵|包治|克星|防癌|抗癌|软化血管|溶解|排毒");
    private static final Gate ZH_WEAK_CURE = Gate.zh("预防|防治|治疗|对抗|缓解|改善|降低|打败|战胜|康复|溶解|疏通|修复|远离|恢复");
    private static final Gate ZH_INTENSIFIER = Gate.zh("百分之百|100%|彻底|完全|永久|所有|一切|各种|立即|马上|祖传|偏方|神药|自然就|"
            + "见效|神奇|奇效|特效|秘方|保证|必定|就能|都能|包治|一周|一个月|三个月|三天|一晚|一次|从此|再也不");
    private static final Gate ZH_REPLACE = Gate.zh("(不要|别|不用|拒绝)(做|去|再)?(化疗|放疗|吃药|手术|打针|去医院|打胰岛素)|"
            + "(不要|别|不用|不必|拒绝)再?(吃|服|用)(降压|降糖|降脂|抗抑郁|抗癌|抗病毒|靶向|西)药|停掉|停药|停用|扔掉|不需要再|不用再|不必再|不用吃药|告别药物|不需要(吃药|打针|化疗|"
            + "手术|胰岛素)|不用(吃药|打针|化疗|手术|去医院)|代替[^，。]{0,8}(药|化疗|治疗|手术)|替代[^，。]{0,8}(药|化疗|治疗|手术)|"
            + "比(去)?医院[^，。]{0,4}(强|好|有效)|比(吃)?药[^，。]{0,4}(强|好|有效)");
    private static final Gate ZH_PROVEN = Gate.zh("抗生素|抗病毒|疫苗|化疗|手术|胰岛素|医生指导|遵医嘱|处方|药物治疗|青霉素|阿莫西林|戒烟|"
            + "运动|锻炼|均衡饮食|筛查|防晒|在医生");
    private static final Pattern ZH_NEG_BEFORE = Pattern.compile("(不要|别|勿|不能|切勿|不可|千万不|不得|不|避免)[\\p{IsHan}]{0,2}$");

    static Hit health(String original, String lang, List<Sentences.Range> clauses, Stance st) {
        boolean zh = "zh".equals(lang) || Terms.hasHan(original);
        String s = Terms.lower(original);
        long mask = zh ? Gate.maskZh(s) : Gate.mask(s);
        if (!zh && !EN_STRONG_CURE.possible(mask) && !EN_WEAK_CURE.possible(mask) && !replacePossible(s, mask)) {
            return null;
        }
        if (replacementCue(s, zh, mask)) {
            boolean disease = has(zh, ZH_DISEASE_RE, EN_DISEASE_RE, s, mask);
            return new Hit(disease ? 0.9 : 0.85, "tells people to stop or replace proven treatment");
        }
        if (st.hedged()) {
            return null;
        }
        for (Sentences.Range r : clauses) {
            String c = r.of(s);
            boolean strong = has(zh, ZH_STRONG_CURE, EN_STRONG_CURE, c, mask);
            boolean weak = !strong && has(zh, ZH_WEAK_CURE, EN_WEAK_CURE, c, mask);
            if (!strong && !weak) {
                continue;
            }
            // The disease may sit in a later clause ("heal anxiety, epilepsy and cancer").
            String scope = s.substring(r.start());
            boolean disease = has(zh, ZH_DISEASE_RE, EN_DISEASE_RE, scope, mask);
            if (!disease) {
                continue;
            }
            if (Polarity.negated(c, lang) && !zh || zh && Polarity.negated(c, lang)) {
                continue;
            }
            boolean intense = has(zh, ZH_INTENSIFIER, EN_INTENSIFIER, s, mask) || s.contains("100%")
                    || s.contains("100 %")
                    || !zh && EN_QUACK.find(s, mask);
            boolean proven = has(zh, ZH_PROVEN, EN_PROVEN, c, mask);
            if (proven && !intense) {
                continue;
            }
            if (strong) {
                return new Hit(intense ? 0.9 : 0.8, "claims a cure");
            }
            if (intense) {
                return new Hit(0.8, "promises guaranteed prevention or treatment");
            }
            if (!zh && EN_SERIOUS_RE.find(scope, mask) && !EN_HELPS.matcher(c).find()) {
                return new Hit(0.7, "claims to prevent or treat a serious disease");
            }
            if (zh && ZH_SERIOUS.find(scope, mask) && !c.contains("有助于") && !c.contains("帮助")) {
                return new Hit(0.7, "claims to prevent or treat a serious disease");
            }
        }
        return null;
    }

    /**
     * {@link #EN_REPLACE} without its "no (need for) MEDS" and "you can skip" branches, only for its gate:
     * those branches key the gate on common words (the medicines, "can"), yet every match of them
     * contains "no " or "you can ", which is checked directly.
     */
    private static final Gate EN_REPLACE_REST = Gate.of(without(without(EN_REPLACE.pattern().pattern(),
            "|no (need for (a |any |your )?)?" + EN_MEDS + "( needed| required)?|", "|"),
            "|you can (skip|ditch|quit|stop)|", "|"));

    /** Whether {@link #EN_REPLACE} could match {@code lower}. */
    private static boolean replacePossible(String lower, long mask) {
        return EN_REPLACE_REST.possible(mask)
                || EN_REPLACE.possible(mask) && (lower.contains("no ") || lower.contains("you can "));
    }

    /** "Ask your doctor whether you can stop": advice to consult, not to drop treatment. */
    private static final Pattern EN_CONSULT = Pattern.compile("\\b(consult|ask|talk to|speak to|speak with|check with) "
            + "(your |a )(doctor|physician|pharmacist|gp|specialist)");
    private static final Pattern ZH_CONSULT = Pattern.compile("咨询(医生|医师|药师)|遵医嘱|(在|听从)医生(的)?指导|请教医生|询问医生");

    private static boolean replacementCue(String s, boolean zh, long mask) {
        if (zh ? !ZH_REPLACE.possible(mask) : !replacePossible(s, mask)) {
            return false;
        }
        Matcher m = zh ? ZH_REPLACE.matcher(s) : EN_REPLACE.matcher(s);
        while (m.find()) {
            String before = s.substring(Math.max(0, m.start() - 30), m.start());
            if (!(zh ? ZH_NEG_BEFORE : EN_NEG_BEFORE).matcher(before).find()) {
                return !(zh ? ZH_CONSULT : EN_CONSULT).matcher(s).find(); // only after a hit: off the hot path
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- conspiracy

    private static final Gate EN_ACTOR = Gate.of("\\b(governments?|officials|authorities|regulators?|"
            + "agenc(y|ies)|the state|cia|fbi|nsa|big (pharma|tech|food|oil|banks?|ag)|pharma(ceutical)?( companies| "
            + "industry| giants)?|drug companies|companies|corporations|compan(y|ies)|industry|scientists|doctors|"
            + "hospitals|(mainstream |the )?media|press|journalists|elites?|billionaires|banks|bankers|airlines|"
            + "they|politicians|military|police|insiders|the establishment|globalists|operators|manufacturers|"
            + "tech giants|the un|nasa|regime|cabal|powers that be|someone|board|council|district|paper|newspapers?|"
            + "committee|administration|department|ministry|union|party|mayor|city|school|university|police|"
            + "commission|courts?|judges|elections? (commission|officials|board)|military|army|insurers|lobby|owners|"
            + "historians|experts|researchers|executives|ceos|bosses|telecoms?|telecom companies|carriers)\\b");
    private static final Pattern WHO = Pattern.compile("\\bWHO\\b");
    /** "helps prevent", "can help lower": a hedged benefit, not a cure claim. */
    private static final Pattern EN_HELPS = Pattern.compile("\\b(help|helps|helped|helping|aids?|supports?|"
            + "reduces? (the )?risk|lowers? (the )?risk|may|might|can help)\\b");
    private static final Gate ZH_SERIOUS = Gate.zh("癌|肿瘤|糖尿病|心脏病|中风|脑梗|肝硬化|艾滋病|阿尔茨海默|痴呆|帕金森|"
            + "白血病|血栓");
    private static final Pattern EN_NEG_JUST_BEFORE = Pattern.compile("(\\bnot|\\bnever|\\bno|n't)\\s+(\\w+\\s+)?$");
    private static final Gate EN_CONCEAL = Gate.of("\\b((being|been|are|is|was|were) hidden (by|from)|hidden from (us|the public|you|people)|"
            + "covering for (them|him|her|it)|secretly|quietly (deleting|deleted|removing|removed|erasing|erased|adding|added|burying|buried|"
            + "hiding)|rigged|deleting (every|all|any|the) (posts?|evidence|records|videos)|in secret|covers? up|covering up|covered up|"
            + "cover(s|ed|ing)? (it|this|that|them|everything|the (truth|story|evidence|facts|deaths|problem)) up|cover-?up|hiding|hides|hid|hide|concealing|conceals?|concealed|suppress(es|ed|ing)? (the|a|all|any)|"
            + "bur(y|ied|ies|ying) (it|them|this|that|the (evidence|truth|report|reports|study|studies|data|research|"
            + "cure|results|files)|every|all|any)|(kept|keeps?|keeping) ([\\w-]+ ){0,3}(secret|hidden|quiet|under wraps|from (us|the public|you))|"
            + "keep(s|ing)? (it |this |that )?quiet|(has|have|had) (been )?lied|lied (to|about) (us|you|the public|the "
            + "world|everyone|it|this)|sitting on (a |the )?(cure|vaccine|treatment|evidence)|withh[oe]ld(s|ing)? "
            + "(a |the )?(cure|evidence|data|truth)|paid (off )?to "
            + "(keep quiet|stay silent|lie|look away)|lie about it|lying (to us|about it)|(are|were|all|everyone|everybody|regulators|they|them|agency is|agencies are|government is|media is|"
            + "company is|companies are|officials are|doctors are) (all )?in on it|to (make|keep) (us|people|"
            + "everyone|the public) (obedient|docile|sick|dumb|compliant|quiet|afraid)|dumb(ing)? us down|"
            + "to control (us|the population|people|our minds)|being scrubbed|"
            + "scrubbed from|censor(ed|ing|s)|silenc(ed|ing)|(don't|do not) want you to know|won't tell you|"
            + "orchestrated|coordinated|planned (it|by|the)|engineered|deliberately|control(s|ling)? (the weather|"
            + "the world|everything|the media|our minds)|mind control|depopulation|poisoning us|plandemic|"
            + "false flag|the truth (about|is being)|what (they|the government) (are|is) hiding|what is really "
            + "(killing|happening|going on)|new world order|deep state|secret (machines?|plan|program(me)?|agency|cure|"
            + "deal|weapons?|experiments?|labs?)|hidden (global )?(agency|agenda|cure)|handing .{0,40} to a hidden)\\b");
    /** The branch of {@link #EN_CONCEAL} whose gate keys are common nouns (government, company, doctors). */
    private static final String EN_IN_ON_IT = "(are|were|all|everyone|everybody|regulators|they|them|agency is|"
            + "agencies are|government is|media is|company is|companies are|officials are|doctors are) (all )?in on it|";
    /**
     * {@link #EN_CONCEAL} without {@link #EN_IN_ON_IT}, only for its gate: a sentence can match EN_CONCEAL
     * only if this gate is open or it contains "in on it", so a subject noun alone no longer opens it.
     */
    private static final Gate EN_CONCEAL_REST = Gate.of(without(EN_CONCEAL.pattern().pattern(), EN_IN_ON_IT));

    private static String without(String regex, String branch) {
        return without(regex, branch, "");
    }

    private static String without(String regex, String branch, String by) {
        if (!regex.contains(branch)) {
            throw new IllegalStateException("branch not in pattern: " + branch);
        }
        return regex.replace(branch, by);
    }

    /** Whether {@link #EN_CONCEAL} could match {@code lower}. */
    private static boolean concealPossible(String lower, long mask) {
        return EN_CONCEAL_REST.possible(mask) || EN_CONCEAL.possible(mask) && lower.contains("in on it");
    }

    private static final Gate EN_CONSPIRACY_STRONG = Gate.of("\\b((don't|do not) want you to know|"
            + "cover-?up|false flag|plandemic|deep state|new world order|(are|were|all|everyone|everybody|they|them) (all )?in on it|what they('re| are) hiding|"
            + "wake up,? sheeple|mind control|crisis actors?)\\b");
    /**
     * Events declared staged, faked or planned: part of the strong conspiracy cue, kept in its own
     * pattern so that its event-noun alternatives only run when one of its verbs is in the sentence
     * (see {@link #STAGED_VERBS}).
     */
    private static final Gate EN_STAGED = Gate.of("\\b("
            // A public event declared staged or faked: "the moon landing was staged", "the footage was faked".
            + "(landings?|attacks?|massacres?|bombings?|shootings?|pandemic|outbreak|footage|blackout|crash|explosions?|"
            + "elections?|tragedy)( (?!scenes?\\b|sequences?\\b|stunts?\\b|shots?\\b)[a-z0-9'-]+){0,3} (was|were|has been|have been|is|are) (all )?(staged|faked|"
            + "fabricated|scripted)(?![^.;]{0,40}\\b(for|in) (the|a|an|its|their|our) (new |upcoming |latest )?(film|movie|"
            + "thriller|series|show|documentary|drama|play|production|music video|novel|game)\\b)(?=[.,;:!]|$| by | to | and | with (paid |hired |crisis )actors| in (a|the) (hollywood |secret |film |movie |tv )?(studio|film set|"
            + "sound ?stage))|"
            // An outbreak declared planned or made on purpose: "the pandemic was planned by billionaires".
            + "(pandemic|outbreak|epidemic|virus|covid(-19)?)( [a-z0-9'-]+){0,3} (was|were|has been) (planned|"
            + "engineered|manufactured|released on purpose|released deliberately|created on purpose)|"
            // "staged in a Hollywood studio": a film set named as where a real event was faked.
            + "(was|were) (staged|faked|filmed) (in|on) (a|the) (hollywood |secret |film |movie |tv )?(studio|film set|"
            + "sound ?stage) (by (nasa|the government|the cia)|to (fool|trick|deceive)))\\b");
    private static final Gate ZH_ACTOR = Gate.zh("[\\p{IsHan}]{1,6}(局|部门|机构|委员会|集团|实验室)|政府|官方|相关部门|有关部门|国家|当局|银行|媒体|公司|企业|药企|"
            + "医药公司|专家|科学家|医院|他们|上面|高层|资本|精英|外国势力|美国|财团|部门");
    private static final Gate ZH_CONCEAL = Gate.zh("不公布|不公开|不敢公布|拒绝公布|压下|捂住|隐瞒|瞒着|瞒|故意不|刻意|早就知道|一手策划|策划|掩盖|封锁|秘密|暗中|偷偷|联手|串通|操控|幕后|人为制造|"
            + "不想让你知道|不让你知道|删帖|封口|内幕|阴谋|配合(演戏|作秀|造假|隐瞒|掩盖)|都不(会)?告诉你|不会告诉你|不敢告诉你|"
            + "(不肯|不愿|不愿意|不敢)(拿出来|公开|公布)|骗了(全世界|所有人|全国人民|全国|老百姓|大家|我们)|自导自演");
    private static final Gate ZH_CONSPIRACY_STRONG = Gate.zh("不想让你知道|不让你知道|封锁消息|掩盖(了)?真相|阴谋|"
            + "隐瞒(了)?真相|(医生|专家|药企|医院|政府|官方|媒体)们?(都|是)?(不会|不敢|不肯|从来不|都不|不)告诉你|"
            // A public event declared staged or faked: "登月是在摄影棚里拍的".
            + "(登月|袭击|屠杀|爆炸|疫情|地震|空难|事件)[^，。；！？]{0,12}(摄影棚|摆拍|自导自演|伪造|造假|演出来的|拍出来的)");

    /** A documented finding, not a claim of a plot: "investigations revealed", "a court found". */
    private static final Gate EN_DOCUMENTED = Gate.of("\\b(historians|scholars|researchers|archives|declassified (files|documents|records)|"
            + "investigations?|investigators|inquir(y|ies)|"
            + "documents|court|courts|judge|jury|hearings?|audit|auditors|records|journalists|reporters|"
            + "whistleblowers?|lawsuits?|the report|congress|parliament|senate) (later |eventually |has |have |had )?"
            + "(revealed|showed|shown|found|confirmed|proved|exposed|uncovered|established|ruled|documented)\\b");
    private static final Gate ZH_DOCUMENTED = Gate.zh("(调查|法院|审计|报道|记者|文件)(后来)?(显示|发现|证实|查明|揭露|认定)|罚款|被罚|判决|"
            + "起诉|据报道|报道称|通报|立案");

    /** Reported by the press or settled in court: a documented event, not a secret plot. */
    private static final Gate EN_DOCUMENTED_NEWS = Gate.of("\\b((paid|agreed to pay) a (fine|settlement)|was fined|"
            + "were fined|pleaded guilty|settled (the|a) (case|lawsuit)|(newspapers|reporters|journalists|media outlets|"
            + "the press|regulators|prosecutors|authorities|auditors|a court|the court) (later )?(reported|found|"
            + "revealed|said|announced|ruled|concluded|confirmed))\\b");

    /** Every match of {@link #EN_STAGED} contains one of these: checked before the regex runs. */
    private static final String[] STAGED_VERBS = {"staged", "faked", "fabricated", "scripted", "filmed", "planned",
        "engineered", "manufactured", "released ", "created on"};

    /** Whether {@link #EN_STAGED} could match: its gate is open and one of its verbs is present. */
    private static boolean stagedPossible(String lower, long mask) {
        if (!EN_STAGED.possible(mask)) {
            return false;
        }
        for (String v : STAGED_VERBS) {
            if (lower.contains(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean enStaged(String lower, long mask) {
        return stagedPossible(lower, mask) && EN_STAGED.find(lower, mask);
    }

    static Hit conspiracy(String original, String lang, Stance st) {
        boolean zh = "zh".equals(lang) || Terms.hasHan(original);
        String s = Terms.lower(original);
        long mask = zh ? Gate.maskZh(s) : Gate.mask(s);
        if (!zh && !concealPossible(s, mask) && !EN_CONSPIRACY_STRONG.possible(mask)
                && !stagedPossible(s, mask)) {
            return null;
        }
        if (st.hedged() || st.opinion() || st.namedSource() || has(zh, ZH_DOCUMENTED, EN_DOCUMENTED, s, mask)
                || !zh && EN_DOCUMENTED_NEWS.find(s, mask)) {
            return null;
        }
        Matcher c = zh ? ZH_CONCEAL.matcher(s) : EN_CONCEAL.matcher(s);
        boolean strong = has(zh, ZH_CONSPIRACY_STRONG, EN_CONSPIRACY_STRONG, s, mask)
                || !zh && enStaged(s, mask);
        boolean conceal = false;
        while ((zh ? ZH_CONCEAL.possible(mask) : concealPossible(s, mask)) && c.find()) {
            String before = s.substring(Math.max(0, c.start() - 25), c.start());
            if (zh ? !ZH_NEG_BEFORE.matcher(before).find()
                    : !EN_NEG_JUST_BEFORE.matcher(before).find()) {
                conceal = true;
                break;
            }
        }
        if (!conceal && !strong) {
            return null;
        }
        boolean actor = has(zh, ZH_ACTOR, EN_ACTOR, s, mask) || !zh && WHO.matcher(original).find();
        if (strong) {
            return new Hit(0.85, "presents a cover-up as fact");
        }
        return actor ? new Hit(0.8, "presents a secret coordinated plot as fact") : null;
    }

    // ---------------------------------------------------------------- statistics

    private static final Gate EN_VAGUE_AUTHORITY = Gate.of("\\b((studies|research|statistics|science|"
            + "surveys?|experts?|scientists|researchers|doctors|data|polls?|tests) (now )?(show|shows|showed|shown|prove|"
            + "proves|proved|proven|confirm|confirms|confirmed|found|find|reveal|reveals|revealed|"
            + "discovered|determined|demonstrated|established)|(have|has) (been )?(shown|proven|proved|found|confirmed|"
            + "discovered|revealed|demonstrated)|(a|one|new|the|recent|latest|groundbreaking|major|landmark|"
            + "[a-z]+) (new |recent |latest |major )?(study|survey|poll|experiment|trial|research) "
            + "(has |have )?(shows?|showed|shown|proves?|proved|proven|confirms?|confirmed|found|finds|reveals?|revealed|"
            + "demonstrated)|according to (studies|research|experts|scientists|doctors|statistics|surveys|"
            + "(a |one )?(new |recent )?(study|survey|report|poll))|(it'?s|it is) (a )?(scientific(ally)?|proven|"
            + "medical|known) (fact|proven)|science (says|has proven|proves|shows)|scientifically proven|"
            + "clinically proven)\\b");
    private static final Gate EN_NUMBER = Gate.of("\\b(one|two|three|four|five|six|seven|eight|nine|ten|"
            + "twenty|thirty|forty|fifty|hundred|thousand|million|billion) (years?|hours?|times|percent|points?|"
            + "minutes|days|weeks|months|kilos?|pounds|inches|centimetres|centimeters)\\b|\\b(twice|doubles?|"
            + "triples?|halves|quadruples?)\\b");
    private static final Gate EN_PERCENT_OF_GROUP = Gate.of("\\b\\d+(\\.\\d+)?\\s*(%|percent|per cent) of "
            + "(all |the |your |our )?([a-z]+ )?(people|americans|britons|adults|children|kids|women|men|doctors|dentists|"
            + "nurses|scientists|experts|teachers|parents|users|teens|teenagers|students|employees|patients|smokers|"
            + "drivers|cancers?|cases|deaths|accidents|car accidents|crashes|diseases|illnesses|households|families|"
            + "homes|fridges|refrigerators|millennials|seniors|the population|your body'?s|body'?s|serotonin|"
            + "brain|heart attacks|strokes|marriages|divorces|couples|babies|pet owners|dog owners|cat owners|"
            + "workers|men and women|americans'|consumers|shoppers|voters)\\b");
    private static final Gate EN_BY_AMOUNT = Gate.of("\\b(increases?|increased|raises?|raised|reduces?|"
            + "reduced|cuts?|boosts?|boosted|lowers?|lowered|doubles?|triples?|improves?|improved|risk|chance|"
            + "likelihood)\\b[^.;]{0,50}?\\bby (up to |about |nearly |almost |over |more than )?\\d[\\d,.]*\\s*"
            + "(%|percent|per cent|points|times|fold|years)|\\b\\d[\\d,.]*\\s*(times|x) (more|less|stronger|higher|"
            + "lower|likelier|more likely|less likely|faster|slower|better|worse)\\b|\\b\\d[\\d,.]*\\s*(%|percent) "
            + "(more|less|higher|lower) (likely|risk|chance)|\\b(live|lives|living) (on average )?[\\w\\s]{0,20}"
            + "years? (longer|less|shorter|more)");

    private static final Gate ZH_VAGUE_AUTHORITY = Gate.zh("(研究|调查|统计|数据|实验|科学|医学)(表明|显示|证明|"
            + "发现|证实)|据调查|据统计(?!局)|据研究|科学家(们)?(证实|发现|证明|表示|称|指出|确认)|专家(们)?(统计|发现|证实|表示|指出|"
            + "称|确认|研究)|一项[^，。]{0,10}(研究|调查|实验)(证明|表明|显示|发现|证实)|科学证明|医学证明|权威(机构|专家)");
    private static final Gate ZH_NUMBER = Gate.zh("[一二三四五六七八九十百千万]+(倍|年|岁|分|成)|百分之");
    private static final Gate ZH_PERCENT_OF_GROUP = Gate.zh("\\d+(\\.\\d+)?%的(人|家庭|癌症|患者|病人|儿童|孩子|"
            + "医生|成年人|老人|女性|男性|中国人|网友|用户|学生|司机|事故|疾病|冰箱)|百分之[一二三四五六七八九十]+的(人|家庭|癌症|患者)");
    private static final Gate ZH_BY_AMOUNT = Gate.zh("(增加|提高|降低|减少|多活|少活|超标|高出|提升|下降|增长)"
            + "[^，。；]{0,8}?\\d+(\\.\\d+)?\\s*(%|倍|年|分|岁|个百分点)|上千倍|上百倍|上万倍|\\d+倍");

    /** Outcomes that make a bare "by N%" claim surprising: health, life, ability; not sales or prices. */
    private static final Gate EN_OUTCOME = Gate.of("\\b(risk|chances?|likelihood|odds|lifespan|life "
            + "expectancy|live|lives|die|dies|death|mortality|diseases?|cancer|obesity|iq|memory|sleep|grades|"
            + "intelligence|weight|fat|heart|brain|immune|happiness|productivity|stress|anxiety|depression)\\b");
    private static final Gate ZH_OUTCOME = Gate.zh("风险|概率|几率|寿命|多活|少活|患|死亡|癌|智商|记忆|成绩|"
            + "体重|肥胖|免疫|细菌|病|健康");

    /** "experts say", "scientists agree": vague only together with a number (consensus statements are fine). */
    private static final Gate EN_SAY_AUTHORITY = Gate.of("\\b(experts?|scientists|researchers|doctors|dentists|"
            + "nutritionists|studies) (say|says|agree|claim|claims|believe|warn|estimate|estimates|estimated|reckon|report|reports)\\b");
    private static final Gate EN_N_OUT_OF = Gate.of("\\b(\\d+|one|two|three|four|five|six|seven|eight|nine) (out )?of "
            + "(every )?(\\d+|ten|five|four|three|two) (people|adults|americans|doctors|dentists|nurses|experts|"
            + "scientists|women|men|children|kids|parents|users|patients|teens|students|households|cases|deaths)\\b");
    private static final Gate ZH_N_OUT_OF = Gate.zh("[一二三四五六七八九十0-9]+成的|[一二三四五六七八九十0-9]+个人中(有)?[一二三四五六七八九0-9]+个");

    /** Proof words: "studies show X" is a weak cue, "research proves X" an overclaim. */
    private static final Pattern EN_PROOF = Pattern.compile("\\b(prove|proves|proved|proven|scientific fact|"
            + "scientifically|clinically proven|confirmed|confirms)\\b");
    private static final Gate ZH_PROOF = Gate.zh("证明|证实|科学事实|确认");

    /** A number that can be a statistic: not only a year (1500–2099) standing alone. */
    private static boolean statNumber(String s) {
        java.util.regex.Matcher m = ANY_NUMBER.matcher(s);
        while (m.find()) {
            String n = m.group(1);
            boolean year = n.length() == 4 && n.matches("(1[5-9]|20)\\d\\d") && m.group(2) == null;
            if (!year) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ANY_NUMBER = Pattern.compile("(\\d+)(?:[.,]\\d+)*(\\s*(%|％|percent|倍|times|x\\b))?");

    static Hit statistic(String original, String lang, Stance st) {
        boolean zh = "zh".equals(lang) || Terms.hasHan(original);
        String s = Terms.lower(original);
        if (st.namedSource() || st.hedged() || st.opinion()) {
            return null;
        }
        long mask = zh ? Gate.maskZh(s) : Gate.mask(s);
        boolean digit = hasDigit(s);
        boolean nOutOf = zh ? ZH_N_OUT_OF.find(s, mask) : EN_N_OUT_OF.find(s, mask);
        boolean vague = has(zh, ZH_VAGUE_AUTHORITY, EN_VAGUE_AUTHORITY, s, mask)
                || !zh && (digit || nOutOf) && EN_SAY_AUTHORITY.find(s, mask);
        if (!vague && !digit && !nOutOf && !zh) {
            return null;
        }
        boolean number = statNumber(s) || (zh ? ZH_NUMBER.find(s, mask) : EN_NUMBER.find(s, mask));
        boolean groupPercent = has(zh, ZH_PERCENT_OF_GROUP, EN_PERCENT_OF_GROUP, s, mask) || nOutOf;
        boolean byAmount = has(zh, ZH_BY_AMOUNT, EN_BY_AMOUNT, s, mask);
        if (vague && (number || groupPercent || byAmount)) {
            return new Hit(0.85, "vague authority with a precise-looking number and no checkable source");
        }
        if (vague && (zh ? ZH_PROOF.find(s, mask) && ZH_OUTCOME.find(s, mask)
                : EN_PROOF.matcher(s).find() && EN_OUTCOME.find(s, mask))) {
            return new Hit(0.7, "vague authority claims proof of a surprising effect, with no checkable source");
        }
        if (groupPercent || byAmount && has(zh, ZH_OUTCOME, EN_OUTCOME, s, mask)) {
            return new Hit(0.75, "precise-looking statistic with no checkable source");
        }
        return null;
    }

    // ---------------------------------------------------------------- clickbait

    private static final Gate EN_CTA = Gate.of("\\b(link in (our |my |the )?(bio|description|comments|profile)|click|tap|swipe( up)?|watch (the|this|now|it|our|"
            + "before|until)|share (this|it|now|before|with)|forward (this|it|to)|repost|retweet|link in (bio|"
            + "description|the comments|comments)|(at|via|through|in|from) the link( below| above| in bio)?|"
            + "the link below|read more (at|here|below|via)|learn (the secret|more at|how at)|find out (which|what|how|"
            + "why|more|now)|see (how|what|why) (he|she|they|it|this|you)|see the (shocking|full|results))\\b");
    private static final Gate EN_SENSATIONAL = Gate.of("\\b(before it disappears|tried to ban|they tried to (ban|hide|delete)|(don't|do not) want you to see|"
            + "will make you (sick|cry|gasp|angry|scream|rethink)|what (this|these|one) [a-z]+ (found|"
            + "discovered|saw|revealed)|unbelievable|shock(ing|ed|s)?|terrif(ying|ied|ies)|"
            + "horrif(ying|ied)|scary|frightening|disturbing|you won'?t believe|can'?t believe|unbelievable|"
            + "jaw-?dropping|mind-?blowing|(you'?ll|you will) never guess|never guess|what happens next|looks like now|"
            + "speechless|furious|doctors hate|(one|this) (weird|simple|little|strange|crazy|odd) "
            + "(trick|habit|drink|food|thing|mistake|secret)|the one (mistake|food|thing|trick|habit)|"
            + "(this|one) (trick|habit|mistake)|little-?known|secret(ly|s)?|stunned|stuns|baffled|breaking|exposed|"
            + "what (really )?happens|change your life|almost nobody|nobody (knows|passes|can)|\\d+% of people "
            + "(don't|can't|fail)|they don'?t want you|miracle|before (it'?s|it is|this is|it gets|this gets) "
            + "(deleted|banned|taken down|removed|gone)|banned|wipes? out|in minutes|overnight|instantly|forever|"
            + "free (electricity|money|energy|iphone)|will (shock|amaze|blow)|reveals?|revealed|new study shows|"
            + "scientists (discovered|found)|experts reveal|just discovered|destroys?|killer|aging you|melts?|"
            + "erases?|insane|crazy|outrageous|urgent|warning|alert|only free|last chance)\\b");
    private static final Pattern CAPS_WORD = Pattern.compile("\\b[A-Z]{5,}\\b");
    private static final Gate ZH_CTA = Gate.zh("点击|点开|戳|转发|扩散|分享给|不转|转给|转起来|让更多人知道|传给|看完|速看|查看|观看|链接|评论区|私信|"
            + "收藏");
    private static final Gate ZH_SENSATIONAL = Gate.zh("出大事|来不及|紧急通知|重要通知|速转|必看|注意了|惊呆|太可怕|可怕|竟然|居然|不看后悔|秘密|紧急|杀手|"
            + "中招|真相|揭开|千万别|赶紧|马上删除|删前|速看|疯传|都不知道|不为人知|吓人|惊人|绝密|！！|!!|快看|后悔|"
            + "重磅|曝光|内幕|惊天|致命|颠覆");

    private static final Pattern ENTERTAINMENT = Pattern.compile("\\b(trailer|teaser|horror (film|movie)|episode|"
            + "season finale|premiere|album|concert|tickets)\\b"
            // A call to shop or sign up is marketing, not a lure: "tap to shop now", "click here to order".
            + "|\\b(click|tap|swipe)( up| here| below| the link)? (to|and) (shop|buy|order|book|subscribe|sign up|"
            + "register|save|browse|claim your (discount|coupon))\\b");

    static Hit clickbait(String original, String prev, String lang) {
        boolean zh = "zh".equals(lang) || Terms.hasHan(original);
        String s = Terms.lower(original);
        if (!has(zh, ZH_CTA, EN_CTA, s, zh ? Gate.maskZh(s) : Gate.mask(s))) {
            return null;
        }
        if (!zh && ENTERTAINMENT.matcher(s).find()) {
            return null; // "watch our shocking new trailer": promotion of a show, not a lure
        }
        String window = prev.isEmpty() ? original : prev + " " + original;
        String lw = Terms.lower(window);
        boolean sensational = has(zh, ZH_SENSATIONAL, EN_SENSATIONAL, lw, zh ? Gate.maskZh(lw) : Gate.mask(lw))
                || window.contains("!!")
                || CAPS_WORD.matcher(window).results().anyMatch(m -> !m.group().matches("COVID|NASA|FIFA|NATO|"
                + "UNICEF|OPEC|ASEAN|NASDAQ"));
        return sensational ? new Hit(0.75, "call to action with a sensational claim") : null;
    }
}
