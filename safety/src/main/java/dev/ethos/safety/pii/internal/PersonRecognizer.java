package dev.ethos.safety.pii.internal;

import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Person names without a statistical model.
 *
 * <p><b>Latin script.</b> Runs of capitalised words (with middle initials and particles such as
 * van/de/von) are cut at function words, titles and field labels; a 2-4 word remainder scores by
 * gazetteers: given name + surname 0.8, given name + unknown capitalised word 0.6, unknown + surname
 * 0.55, two unknown words 0.25. Context raises the score (a title such as Mr/Dr/Prof +0.4; "Hi",
 * "Dear", "Name:" +0.35; role words such as customer, patient, tenant, holder, "issued to" +0.3;
 * "'s", "was born", "lives at" after it +0.2) or lowers it ("the" before it −0.3, a verb of companies
 * such as "reported" after it −0.2); a company word in or right after the run (Ltd, Software, Foods,
 * Logistics …) rejects it. ALL-CAPS names need both gazetteer hits.
 *
 * <p><b>Chinese.</b> A single or compound surname (欧阳, 东方 …) and one or two common given-name
 * characters, where the text before is a phrase boundary or a lead word (联系, 客户, 收件人, 姓名：…)
 * and the text after is a boundary or a follow word (先生, 女士, 经理, 老师, 的, 出生, 收 …); the
 * follow word also decides between one and two given characters. Score 0.7, 0.85 with a title.
 *
 * <p>What it misses: single-word names, lower-case names, names made only of unknown words without
 * any cue, Chinese names with rare given characters or without a boundary, and names in other scripts.
 */
public final class PersonRecognizer implements Recognizer {
    private static final class Lists {
        static final Set<String> GIVEN = Lexicon.lines("given-names.txt");
        static final Set<String> SURNAMES = Lexicon.lines("surnames.txt");
        static final Set<String> ZH_SURNAMES = Lexicon.lines("zh-surnames.txt");
        static final boolean[] ZH_SINGLE = new boolean[65536];
        static final boolean[] ZH_COMPOUND_FIRST = new boolean[65536];
        static final boolean[] ZH_GIVEN_CHAR = new boolean[65536];

        static {
            for (String sn : ZH_SURNAMES) {
                if (sn.length() == 1) {
                    ZH_SINGLE[sn.charAt(0)] = true;
                } else {
                    ZH_COMPOUND_FIRST[sn.charAt(0)] = true;
                }
            }
        }
        static final String ZH_GIVEN = String.join("", Lexicon.lines("zh-given-chars.txt"));

        static {
            for (int i = 0; i < ZH_GIVEN.length(); i++) {
                ZH_GIVEN_CHAR[ZH_GIVEN.charAt(i)] = true;
            }
        }
    }

    static final Set<String> TITLES = Lexicon.words("Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Madam Mme "
            + "Mlle Herr Frau Rev Fr Capt Captain Col Gen Lt Sgt Officer Judge Justice Senator Sen Rep President "
            + "Director Manager Coach Nurse Doctor Agent Detective Inspector Chief Uncle Aunt Auntie");
    /** Titles of monarchs and popes: followed by one name (and a numeral) they name no given + family name. */
    static final Set<String> MONARCH = Lexicon.words("King Queen Pope Emperor Empress Tsar Tsarina Sultan Shah Kaiser "
            + "Pharaoh Prince Princess");

    private static boolean roman(String w) {
        return w.length() <= 5 && !w.isEmpty() && w.chars().allMatch(ch -> "IVX".indexOf(ch) >= 0);
    }

    static final Set<String> STOP = Lexicon.words("The A An This That These Those There Their They Them We You Your "
            + "Yours Our Ours My Mine His Her Hers Its It I He She Me Us Who Whom Whose What Which When Where Why How "
            + "If Then Else And Or But Nor So Yet For With Without Within From To Of In On At By As Per Via Into Onto "
            + "Upon About Above Below After Before Between Among During Since Until Unless While Also Not No Yes "
            + "Please Hi Hello Hey Dear Thanks Thank Regards Best Cheers Sincerely Greetings Welcome Sorry Sure Okay "
            + "OK Ok Here Note Notes Name Names Full First Last Middle Given Family Surname Email E-mail Mail Phone "
            + "Mobile Tel Fax Contact Contacts Address Addresses Card Cards Account Accounts Holder Customer Customers "
            + "Client Clients Patient Patients Employee Employees Staff Tenant Landlord Applicant User Users Member "
            + "Members Owner Student Teacher Author Sender Recipient Date Birth Born Passport Number Numbers ID Id "
            + "Meeting Meetings Send Sent Wire Ship Shipped Billing Shipping Lost Found Use Used Using Login Password "
            + "Username Token Key Keys Secret Secrets Server Client Request Response Reply Error Warning Build "
            + "Firmware Version Release Upgrade Update Replace Invoice Order Orders Tracking Transaction Payment "
            + "Total Amount Price Estimated Delivery Items Item Record Records Report Reports Summary Table Commit "
            + "Whitelist Blacklist Bitcoin Ethereum IBAN SSN NHS DOB MAC IP API URL CEO CTO CFO VP HR IT PR QA "
            + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
            + "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today "
            + "Tomorrow Yesterday Morning Evening Night Street St Road Rd Avenue Ave Lane Boulevard Drive Court Place "
            + "Terrace Parkway Way Square Grove Close Crescent Flat Apt Suite Unit Floor Building Room Office "
            + "North South East West Northern Southern Eastern Western New Old Great Little Upper Lower Central San "
            + "Santa Los Las El La Le Fort Saint Mount Mt Lake Port Cape Isle Bay River Valley Hill Hills Park "
            + "University College School Institute Hospital Clinic Center Centre Department Dept Ministry Bank "
            + "Team Group Board Committee Council Government State City County Province District Region Republic "
            + "United Kingdom America American British English French German Chinese Japanese Korean Indian Spanish "
            + "Italian European African Asian Christmas Easter Internet Web Online Chapter Section Part Step Figure "
            + "Appendix Question Answer Example Sample Test Total Subject Re Fwd FW Attn CC BCC Ref Thursday Panel "
            + "Interview Agenda Minutes Action Project Product Service Services Support Help Info Information "
            + "Policy Terms Privacy Security Settings Profile Account Home Work Personal Business Corporate Premium "
            + "Standard Basic Pro Plus Max Mini Lite Free Gold Silver Platinum Diamond Credit Debit Visa Mastercard "
            + "Amex Express Discover Union Pay Google Apple Microsoft Amazon Facebook Meta Twitter LinkedIn GitHub "
            + "Slack AWS Azure Linux Windows Android iPhone Java Python Docker Kubernetes Congratulations Happy "
            + "Merry Kind Warm Looking Following Attached Enclosed Confirm Confirmed Dear Attention Urgent "
            + "Important Reminder Notice Alert Hospital Medical Health Insurance Social Security Office Post Box "
            + "PO Route Suite Gate Terminal Flight Train Bus Station Airport Hotel Inn Cafe Restaurant Bar Pub "
            + "Shop Store Market Mall Plaza Tower Hall Church Temple Museum Library Gallery Theatre Theater Stadium "
            // field labels and heading words of status reports and tables
            + "Status Priority Milestone Deadline Due Next Previous Current Overview Outlook Draft Review Launch "
            + "Remarks Opening Closing Session");
    static final Set<String> COMPANY = Lexicon.words("Inc Inc. Incorporated Ltd Ltd. Limited LLC LLP Llc Corp Corp. "
            + "Corporation Co Co. Company Companies GmbH AG SA SAS BV NV Plc PLC PLC. Pty Holdings Holding Group Partners "
            + "Associates Brothers Bros Industries Enterprises Ventures Capital Investments Investment Financial "
            + "Finance Bank Bancorp Trust Fund Insurance Assurance Software Systems Technologies Technology Tech "
            + "Solutions Labs Laboratories Analytics Data Digital Cloud Networks Network Media Communications "
            + "Telecom Wireless Electronics Electric Energy Power Oil Gas Mining Resources Materials Chemicals "
            + "Pharma Pharmaceuticals Therapeutics Biotech Health Healthcare Medical Logistics Freight Shipping "
            + "Transport Transportation Airlines Airways Motors Automotive Foods Food Beverages Brewing Farms "
            + "Importers Exporters Traders Trading Outfitters Retail Stores Supplies Supply Distributors Services "
            + "Consulting Consultants Advisors Management Marketing Studios Studio Productions Pictures Records "
            + "Publishing Press Books Realty Properties Construction Engineering Manufacturing Storage Robotics "
            + "Dynamics Security Aerospace Defense Apparel Fashion Design Designs Foundation Institute Agency "
            + "Association Society Club University College Academy School Hospital Clinic Hotel Hotels Resorts "
            + "Restaurant Cafe Coffee Bakery Kitchen Market Markets Mart Works Worldwide International Global "
            + "Holdings Estates Imports Exports Electronics Instruments Devices Textiles Tools Products Brands "
            + "Entertainment Games Gaming Sports Fitness Education Learning Bio Chemical Gear Goods Outdoor "
            // places named after people ("Jackson Heights") and makers ("Ford Motor")
            + "Heights Yards Springs Falls Junction Motor Boulevard Blvd Parkway Airport Station Stadium Arena "
            + "Memorial Prize Award Medal Trophy Cup Lecture Fellowship Scholarship Syndrome Disease Theorem Street Road "
            + "Avenue Square Bridge Center Centre Gardens Garden "
            // country names that end company names ("Garuda Indonesia"); not those that are also given names
            + "Indonesia Ethiopia Korea Japan Nigeria Vietnam Thailand Malaysia Philippines Singapore Airlines Airways");
    /**
     * Organisations, brands, places and title characters named after people: a run that contains one of
     * these is not a person. A lexicon of well-known names (not of any test sentence); lower case keys.
     */
    static final Set<String> EPONYMS = Set.of("morgan stanley", "goldman sachs", "wells fargo", "charles schwab",
            "merrill lynch", "lehman brothers", "bear stearns", "edward jones", "raymond james", "jones lang",
            "lloyds banking", "coutts", "john lewis", "marks spencer", "ernst young", "procter gamble",
            "johnson johnson", "arthur andersen", "deloitte touche", "price waterhouse", "calvin klein",
            "ralph lauren", "louis vuitton", "hugo boss", "tommy hilfiger", "estée lauder", "estee lauder",
            "christian dior", "yves saint", "saint laurent", "giorgio armani", "michael kors", "kate spade",
            "ted baker", "paul smith", "vera wang", "tory burch", "marc jacobs", "ben sherman", "stella mccartney",
            "alexander mcqueen", "vivienne westwood", "oscar de", "carolina herrera", "jimmy choo", "coco chanel",
            "jack daniel", "johnnie walker", "jim beam", "jack wills", "tim hortons", "walt disney",
            "harley davidson", "rolls royce", "aston martin", "alfa romeo", "mercedes benz", "dr martens", "victoria secret", "sherwin williams", "william morris", "baker mckenzie",
            "johns hopkins",
            "harry potter", "sherlock holmes", "anna karenina", "jane eyre", "oliver twist", "david copperfield",
            "tom sawyer", "huckleberry finn", "elizabeth bennet", "don quixote", "madame bovary", "mrs dalloway",
            "robinson crusoe", "tristram shandy", "nicholas nickleby", "emma woodhouse", "jay gatsby",
            "atticus finch", "holden caulfield", "james bond", "indiana jones", "ronald mcdonald",
            "grand theft", "kaplan meier", "mann whitney", "ben jerry", "dolce gabbana", "tate modern", "albert hall", "carnegie hall", "madison square");
    /** Makers whose name opens a product name ("Ford Mustang", "Dell Latitude"); never a given name. */
    static final Set<String> MAKERS = Lexicon.words("Ford Dell Porsche Ferrari Chrysler Chevrolet Cadillac Boeing "
            + "Toyota Honda Nissan Lamborghini Maserati Bugatti Peugeot Renault Citroen Citroën Opel Volkswagen "
            + "Subaru Mazda Suzuki Hyundai Kia Lenovo Asus Acer Huawei Xiaomi Samsung Sony Philips Bosch Siemens "
            + "Nikon Canon Dyson Apache Oracle Adobe Nvidia Intel Cisco");
    /** Job nouns: a run that ends in one is a job title ("Senior Analyst", "Lead Engineer"), not a name. */
    static final Set<String> JOB_NOUNS = Lexicon.words("Analyst Engineer Developer Programmer Consultant Specialist "
            + "Coordinator Administrator Architect Designer Associate Assistant Executive Representative Scientist "
            + "Accountant Advisor Adviser Strategist Technician Intern Officer Supervisor Editor Recruiter "
            + "Controller Auditor Counsel Paralegal Lead Head Partner Owner Agent Clerk Receptionist");
    /** Capitalised particles inside a name ("Youssef El Amrani", "Tran Van Minh"); only between two name words. */
    static final Set<String> CAP_PARTICLES = Lexicon.words("El Al Le La De Da Di Du Van Von Der Den Dos Das Del Bin Ibn "
            + "Abu Ben Bint");
    /**
     * The most common Vietnamese family names (they open a name: "Nguyen Thi Lan"); a three-word run of short
     * words that opens with one is a name in Vietnamese order.
     */
    static final Set<String> VIET_SURNAMES = Lexicon.words("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do "
            + "Ho Ngo Duong Ly Truong Dinh Lam Mai Trinh Doan Luong Cao Quach Ta Thai Ha Lu Chau Kieu Khuc");
    static final Set<String> PARTICLES = Lexicon.words("van von de der den del della di da dos das du la le ten ter "
            + "bin ibn al el y ap");
    private static final String[] STRONG_CUE = {"hi", "hello", "dear", "name:", "name", "姓名", "hey", "thanks",
        "thank you", "attn", "attn:", "cc:", "from:", "to:", "signed", "sincerely", "regards", "good morning",
        "good afternoon", "good evening", "best,", "best wishes", "cheers,", "kind regards", "many thanks",
        "bill to:", "ship to:", "sold to:", "deliver to:", "kunde:", "empfänger:", "cover:", "traveller:",
        "traveler:", "speaker:", "employee:", "candidate:", "applicant:", "guest:", "patient:", "client:"};
    private static final String[] ROLE_CUE = {"customer", "client", "patient", "tenant", "employee", "landlord",
        "applicant", "holder", "holder:", "account holder", "issued to", "belonging to", "owner", "user", "member",
        "student", "contact", "contact:", "partner", "colleague", "manager", "recipient", "sender", "buyer",
        "seller", "candidate", "hire", "guest", "passenger", "driver", "author", "signed by", "witness",
        "beneficiary", "payee", "insured", "spouse", "wife", "husband", "son", "daughter", "mother", "father",
        "friend", "neighbor", "neighbour", "meeting with", "call", "email", "emailed", "contract to", "post for",
        "forward", "assigned to", "approved by", "reviewed by", "written by", "attendees", "participants",
        "speakers", "panelists", "guests", "invitees", "organizer", "host", "presenter", "speaker", "founder",
        "director", "ceo", "cto", "cfo", "president", "chairman", "chair", "secretary", "reviewer", "approver",
        "assignee", "reporter", "requester", "submitted by", "prepared by", "created by", "contact person",
        "congratulations to", "sincerely", "regards",
        "\"customer\":", "\"name\":", "| ", "收款人", "户名", "客户", "联系人", "姓名", "收件人", "员工", "用户",
        "患者", "持卡人", "申请人"};
    private static final String[] AFTER_CUE = {"'s", "’s", "was born", "is born", "lives", "lived", "moved",
        "said", "says", "wrote", "asked", "called", "works", "joined", "(ssn", "(dob", "(born", "(nhs", ", who",
        "can be reached", "requested", "filed", "signed", "replied", "emailed", "phoned", "visited", "resides",
        "born", "先生", "女士"};
    private static final String[] WEAK_AFTER_CUE = {"was", "is", "has", "had", "will", "are", "and", ",", "("};
    private static final String[] COMPANY_VERB = {"reported", "announced", "posted", "shares", "stock", "inc",
        "acquired", "released", "launched", "ltd"};
    /** Role words and labels right before a name: any Han characters after them may be a given name. */
    private static final String[] ZH_ROLE_LEAD = {"联系", "联系人", "收货人", "收件人", "客户", "患者", "病人", "员工",
        "用户", "户名", "收款人", "付款人", "姓名", "申请人", "持卡人", "持有人", "负责人", "经办人", "会员", "学生", "同事",
        "房东", "租客", "业主", "乘客", "签收人", "代理人", "法人", "老板", "主管", "同学", "教练", "本人", "我叫", "名叫",
        "经理", "主任", "老师", "医生", "律师", "教授", "总监", "工程师", "记者", "作者", "专员", "顾问", "助理", "家长",
        "旅客", "尊敬的", "亲爱的", "您好", "你好", "寄给", "发给", "交给", "转交"};
    /** Function words a name may follow; they only mark a word boundary. */
    private static final String[] ZH_WEAK_LEAD = {"致", "请", "和", "与", "及", "是", "为", "叫", "由", "给", "找", "问",
        "对", "向", "把", "让", "被", "跟", "同", "的", "将", "经", "派", "见", "约", "通知", "感谢", "谢谢", "据"};
    private static final String[] ZH_LEAD = concat(ZH_ROLE_LEAD, ZH_WEAK_LEAD);

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
    private static final String[] ZH_FOLLOW = {"先生", "女士", "小姐", "经理", "老师", "医生", "教授", "博士", "总监",
        "主任", "律师", "护士", "工程师", "同学", "同志", "主管", "院长", "校长", "局长", "处长", "科长", "部长", "董事长",
        "总", "的", "出生", "生于", "收", "是", "在", "已", "和", "与", "说", "表示", "负责", "电话", "手机", "邮箱",
        "身份证", "护照", "今年", "于", "来自", "家住", "住在", "现居", "等", "您好", "你好", "将", "会", "也", "还",
        "提交", "发来", "报名", "签收", "已经", "打来", "告诉", "要求", "申请", "联系", "来电", "请假", "请到", "请于",
        "核对", "检查", "确认", "处理", "参加", "出席", "回复", "收到", "完成", "签字", "入职", "离职", "报销", "负责人",
        "介绍", "指出", "认为", "一起"};
    /**
     * Verbs that may follow a name ("芮子健检查"): they end a name like the other follow words, but as they also
     * follow ordinary nouns ("数据检查") they never let a rare character count as a given name.
     */
    private static final Set<String> ZH_VERB_FOLLOW = Set.of("来电", "请假", "请到", "请于", "核对", "检查", "确认", "处理",
        "参加", "出席", "回复", "收到", "完成", "签字", "入职", "离职", "报销", "负责人", "介绍", "指出", "认为", "一起");
    /** Common words that begin with a surname character and follow lead words ("客户信息"). */
    private static final Set<String> NOT_NAMES = Lexicon.words("信息 资料 服务 名单 地址 电话 号码 邮箱 账户 账号 编号 类型 数量 "
            + "需求 反馈 满意 管理 关系 代表 支持 中心 体验 数据 隐私 订单 评价 安全 权限 名称 单位 部门 公司 时间 日期 金额 "
            + "方式 方面 方法 成功 成员 成本 陈述 于是 万一 高兴 高级 高度 江湖 海外 金融 石油 白色 黄金 常见 常用 程序 "
            + "马上 朱红 余额 应用 应该 齐全 文件 文档 明天 明确 明白 平台 平时 安装 安排 和谐 向导 向上 向下 任务 任何 "
            + "任意 包括 包含 连接 连续 车辆 车主 路线 路由 项目 经理 经济 钟表 甘蔗 全部 全面 全体 东西 东方 南方 西方 "
            + "华为 万科 方正 金山 黄山 华山 白云 江南 "
            + "北方 上海 北京 天津 广州 深圳 杭州 南京 武汉 成都 重庆 西安 苏州");
    private static final Set<String> ZH_TITLES = Set.of("先生", "女士", "小姐", "经理", "老师", "医生", "教授", "博士",
        "总监", "主任", "律师", "护士", "工程师", "院长", "校长", "局长", "处长", "科长", "部长", "董事长");

    @Override
    public String name() {
        return "person";
    }

    @Override
    public Set<String> types() {
        return Set.of("PERSON");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        latin(t, out);
        chinese(t, out);
    }

    // ---------------------------------------------------------------------------------------------
    // Latin script

    private static final class Tok {
        final int start;
        final int end;
        final String word;

        Tok(int start, int end, String word) {
            this.start = start;
            this.end = end;
            this.word = word;
        }
    }

    private static boolean nameLetter(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return c < 0x3000 && Character.isLetter(c);
    }

    private static boolean PiiText_isHan(char c) {
        return c >= 0x3400 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF;
    }

    private void latin(PiiText t, List<PiiCandidate> sink) {
        List<PiiCandidate> out = new ArrayList<>();
        latinRuns(t, out);
        lowerCaseNames(t, out);
        out.sort(java.util.Comparator.comparingInt(PiiCandidate::start));
        // Names in a list ("A B, C D and E F") support each other.
        String s = t.normalized();
        char[] cs = t.chars();
        for (int k = 0; k < out.size(); k++) {
            PiiCandidate c = out.get(k);
            double bonus = 0;
            if (k > 0 && listGap(s, out.get(k - 1).end(), c.start())) {
                bonus += 0.15;
            }
            if (k + 1 < out.size() && listGap(s, c.end(), out.get(k + 1).start())) {
                bonus += 0.15;
            }
            sink.add(bonus == 0 ? c : new PiiCandidate(c.type(), c.start(), c.end(), Math.min(0.97, c.score() + bonus),
                    c.recognizer()));
        }
    }

    /** Chat cues that only open a lower-case name ("hey it's john smith", "ping mary jones"). */
    private static final String[] LOWER_ONLY_CUE = {"it's", "it’s", "this is", "i'm", "ping", "fwd to", "forward to",
        "ask", "tell", "thx", "lol"};
    private static final Keywords LOWER_CUES = new Keywords(concat(concat(STRONG_CUE, ROLE_CUE), LOWER_ONLY_CUE));
    private static final Context.Words STRONG_WORDS = new Context.Words(STRONG_CUE);
    private static final Context.Words ROLE_WORDS = new Context.Words(ROLE_CUE);
    private static final Context.Words AFTER_WORDS = new Context.Words(AFTER_CUE);
    private static final Context.Words WEAK_AFTER_WORDS = new Context.Words(WEAK_AFTER_CUE);
    private static final Context.Words COMPANY_VERB_WORDS = new Context.Words(COMPANY_VERB);

    /**
     * "john smith" in lower case: only right after a cue (name:, hi, dear, contact, customer …), and only a
     * known given name followed by a known surname (of at least three letters). Cues are found in one pass.
     */
    private void lowerCaseNames(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int[] lastEnd = {-1};
        LOWER_CUES.scan(t.lowerChars(), (k, cue) -> {
            int i = k + cue.length();
            if (i <= lastEnd[0] || Character.isLetter(cue.charAt(cue.length() - 1)) && t.isWordChar(i)) {
                return;
            }
            while (i < n && i - k - cue.length() < 4 && (cs[i] == ' ' || cs[i] == ':' || cs[i] == ',')) {
                i++;
            }
            int a = i;
            while (i < n && Character.isLowerCase(cs[i])) {
                i++;
            }
            int aEnd = i;
            if (aEnd - a < 2 || i >= n || cs[i] != ' ') {
                return;
            }
            int b = ++i;
            while (i < n && (Character.isLowerCase(cs[i]) || cs[i] == '\'' || cs[i] == '-')) {
                i++;
            }
            if (i - b < 3 || t.isWordChar(i) || i < n && "=(_@/".indexOf(cs[i]) >= 0) {
                return;
            }
            String first = cap(s.substring(a, aEnd));
            String last = cap(s.substring(b, i));
            if (given(first) && surname(last) && !STOP.contains(first) && !STOP.contains(last)) {
                double score = Context.before(t, a, 12, STRONG_WORDS) ? 0.65 : 0.6;
                if (Context.after(t, i, 3, "'s") || Context.after(t, i, 16, AFTER_WORDS)) {
                    score += 0.2;
                }
                out.add(new PiiCandidate("PERSON", a, i, score, name()));
                lastEnd[0] = i;
            }
        });
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static boolean listGap(String s, int from, int to) {
        if (to - from > 6 || to < from) {
            return false;
        }
        String gap = s.substring(from, to);
        return gap.equals(", ") || gap.equals(" and ") || gap.equals(", and ") || gap.equals(" & ") || gap.equals(" or ") || gap.equals("; ")
                || gap.equals("、") || gap.equals("，");
    }

    private void latinRuns(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        List<Tok> run = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (!nameLetter(c) || (i > 0 && (nameLetter(cs[i - 1]) || Character.isDigit(cs[i - 1])))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (nameLetter(cs[j]) || ((cs[j] == '\'' || cs[j] == '-' || cs[j] == '’')
                    && j + 1 < n && nameLetter(cs[j + 1]) && !(cs[j + 1] == 's' && !(j + 2 < n
                    && nameLetter(cs[j + 2])))))) {
                j++;
            }
            boolean cap = Character.isUpperCase(c);
            if (!cap && (j - i > 4 || run.isEmpty())) {
                flush(t, run, out);
                run.clear();
                i = j;
                continue;
            }
            String w = s.substring(i, j);
            if (j < n && (Character.isDigit(cs[j])
                    || (cs[j] == '-' || cs[j] == '_') && j + 1 < n && Character.isDigit(cs[j + 1]))
                    || cap && w.length() > 1 && w.length() <= 3 && w.equals(w.toUpperCase(Locale.ROOT)) && !given(w)) {
                // Part of a code ("DE89…") or an acronym ("CEO", "USA"): not a name word.
                flush(t, run, out);
                run.clear();
                i = j;
                continue;
            }
            boolean initial = cap && w.length() == 1;
            boolean particle = !cap && PARTICLES.contains(w) && !run.isEmpty();
            boolean glue = run.isEmpty() || gapOk(s, run.get(run.size() - 1).end, i);
            if (!glue) {
                flush(t, run, out);
                run.clear();
            }
            if (cap || particle) {
                int e = j;
                if ((initial || w.equals("Jr") || w.equals("Sr")) && e < n && cs[e] == '.') {
                    e++;
                }
                run.add(new Tok(i, e, w));
                i = e;
            } else {
                flush(t, run, out);
                run.clear();
                i = j;
            }
        }
        flush(t, run, out);
    }

    /** Name words are joined by one space (or a space after an initial's dot). */
    private static boolean gapOk(String s, int prevEnd, int start) {
        return start == prevEnd + 1 && s.charAt(prevEnd) == ' ';
    }

    private void flush(PiiText t, List<Tok> run, List<PiiCandidate> out) {
        if (run.size() < 2) {
            return;
        }
        int a = 0;
        int b = run.size();
        // A company word anywhere in the run, or right after it, makes it a company.
        for (int k = 0; k < run.size(); k++) {
            if (COMPANY.contains(run.get(k).word) || k + 1 < run.size() && eponym(run.get(k).word, run.get(k + 1).word)) {
                return;
            }
        }
        if (JOB_NOUNS.contains(run.get(run.size() - 1).word) && !surname(run.get(run.size() - 1).word)) {
            return;
        }
        if (run.size() >= 3) {
            int v = run.size() - 3;
            boolean lead = true;
            for (int k = 0; k < v; k++) {
                lead &= STOP.contains(run.get(k).word) || TITLES.contains(run.get(k).word);
            }
            if (lead && vietnamese(run, v)) {
                emitScored(t, run, v, v + 3, 0.7, out);
                return;
            }
        }
        // Korean family-first order ("Park Seo-yeon"): the family name may also be a place or stop word.
        for (int k = a; k + 1 < b; k++) {
            if (KOREAN_SURNAMES.contains(run.get(k).word) && koreanGiven(run.get(k + 1).word)) {
                emitScored(t, run, k, k + 2, 0.8, out);
                return;
            }
        }
        if (MONARCH.contains(run.get(a).word) && (b - a == 2 || b - a == 3 && roman(run.get(a + 2).word))) {
            return; // Queen Elizabeth II, Pope Francis: a title and one regnal name, no family name
        }
        boolean title = false;
        while (a < b && (STOP.contains(run.get(a).word) || TITLES.contains(run.get(a).word) || isParticle(run.get(a))
                || isInitial(run.get(a)) && a + 1 < b && STOP.contains(run.get(a + 1).word))) {
            title |= TITLES.contains(run.get(a).word);
            a++;
        }
        while (b > a && (STOP.contains(run.get(b - 1).word) || isParticle(run.get(b - 1)) || isInitial(run.get(b - 1)))) {
            b--;
        }
        // A sentence-initial word that is no known name part is an ordinary capitalised word ("Ask Jean Picard").
        if (b - a >= 3 && sentenceStart(t, run.get(a).start) && !given(run.get(a).word) && !surname(run.get(a).word)) {
            a++;
        }
        if (b - a < 2) {
            return;
        }
        if (b - a > 4) {
            // Headline-style capitalisation: look for given + surname pairs inside.
            for (int k = a; k + 1 < b; k++) {
                if (given(run.get(k).word) && surname(run.get(k + 1).word)) {
                    emit(t, run, k, k + 2, false, out);
                    k++;
                }
            }
            return;
        }
        // Titles or stop words inside the run split it ("Dr. Katharina Becker and Mr. Jones").
        for (int k = a; k < b; k++) {
            if (k > a && k + 1 < b && CAP_PARTICLES.contains(run.get(k).word)) {
                continue;
            }
            if (STOP.contains(run.get(k).word) || TITLES.contains(run.get(k).word)) {
                emit(t, run, a, k, title, out);
                return;
            }
        }
        emit(t, run, a, b, title, out);
    }

    /** Vietnamese order: a common family name, then two short syllables, none a stop word. */
    private static boolean vietnamese(List<Tok> run, int from) {
        if (!VIET_SURNAMES.contains(run.get(from).word)) {
            return false;
        }
        for (int k = from + 1; k < run.size(); k++) {
            String w = run.get(k).word;
            if (w.length() < 2 || w.length() > 6 || STOP.contains(w) && !CAP_PARTICLES.contains(w)
                    || !w.chars().allMatch(Character::isLetter) || w.equals(w.toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private void emitScored(PiiText t, List<Tok> run, int a, int b, double base, List<PiiCandidate> out) {
        double score = base;
        int start = run.get(a).start;
        int end = run.get(b - 1).end;
        if (Context.before(t, start, 4, "the") || Context.after(t, end, 12, COMPANY_VERB_WORDS)) {
            score -= 0.3;
        }
        if (score >= 0.2) {
            out.add(new PiiCandidate("PERSON", start, end, score, name()));
        }
    }

    private static boolean eponym(String a, String b) {
        if (MAKERS.contains(a)) {
            return true;
        }
        String key = (a + " " + b).toLowerCase(Locale.ROOT).replace('-', ' ').replace('’', '\'');
        if (key.endsWith("'s")) {
            key = key.substring(0, key.length() - 2);
        }
        return EPONYMS.contains(key) || EPONYMS.contains(key.replace(".", ""));
    }

    private static boolean sentenceStart(PiiText t, int i) {
        int k = i - 1;
        while (k >= 0 && (t.charAt(k) == ' ' || t.charAt(k) == '"' || t.charAt(k) == '\'' || t.charAt(k) == '(')) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char c = t.charAt(k);
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '。' || c == '！' || c == '？';
    }

    private static boolean isParticle(Tok k) {
        return PARTICLES.contains(k.word);
    }

    private static boolean isInitial(Tok k) {
        return k.word.length() == 1;
    }

    private static String titleCase(String w) {
        if (w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT))) {
            return w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
        }
        return w;
    }

    /** Irish and Scottish patronymic surnames by their form: McX…, MacX…, O'X… (X upper case, 3+ letters after). */
    static boolean gaelic(String w) {
        int p = w.startsWith("Mc") ? 2 : w.startsWith("Mac") ? 3 : w.startsWith("O'") || w.startsWith("O’") ? 2 : 0;
        if (p == 0 || w.length() < p + 3 || !Character.isUpperCase(w.charAt(p)) || MAC_WORDS.contains(w)) {
            return false;
        }
        for (int k = p + 1; k < w.length(); k++) {
            if (!Character.isLowerCase(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Surnames by their form: Slavic, Baltic, Georgian, Armenian, Greek, Romanian and Turkish patronymic
     * endings (Bekova, Ivanenko, Kowalski, Nowakowska, Mickiewicz, Papadopoulos, Ionescu, Yılmazoğlu,
     * Gelashvili, Petrosyan). Six letters at least and lower case after the capital.
     */
    static boolean surnameSuffix(String w) {
        if (w.length() < 6 || !Character.isUpperCase(w.charAt(0)) || SUFFIX_NOT_NAMES.contains(w)) {
            return false;
        }
        for (int k = 1; k < w.length(); k++) {
            if (!Character.isLowerCase(w.charAt(k))) {
                return false;
            }
        }
        if (w.length() >= 8 && (w.startsWith("Abdel") || w.startsWith("Abdul") || w.startsWith("Abdal"))) {
            return true; // Arabic theophoric surnames (Abdelrahman, Abdulkarim)
        }
        for (String suf : SURNAME_SUFFIXES) {
            if (w.endsWith(suf)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SUFFIX_NOT_NAMES = Lexicon.words("Geneva Casanova Villanova Terranova Supernova "
            + "Kenyan Bratislava Moldova Jakarta Ljubljana Slovenska Polska Novaya Teleska");
    private static final String[] SURNAME_SUFFIXES = {"ova", "eva", "ovich", "evich", "ovna", "enko", "ski", "ska",
        "wicz", "czyk", "poulos", "escu", "oglu", "oğlu", "shvili", "dze", "yan", "ović", "ević"};

    private static final Set<String> MAC_WORDS = Lexicon.words("MacBook MacOS MacPro McDonald's McAfee McKinsey "
            + "McLaren McCafe McCafé McFlurry McNuggets McMuffin McChicken");

    /**
     * Common Ethiopian and Eritrean given names. In Ethiopian naming the second name is the father's given
     * name, so these count as given names and as surnames.
     */
    static final Set<String> ETHIOPIAN = Lexicon.words("Abebe Abebech Abera Abiy Adane Admasu Alemayehu Alemu "
            + "Alemitu Almaz Amanuel Amare Amsale Aster Ayana Ayele Azeb Bekele Belay Berhane Berhanu Betelhem Birhanu "
            + "Bizuayehu Dawit Demeke Demissie Dereje Desalegn Desta Ejigayehu Eleni Elias Eshetu Fasil Fikru Fikirte "
            + "Genet Getachew Getahun Girma Habtamu Haile Hailu Hirut Kassa Kebede Kidist Lemlem Mahlet Mekdes "
            + "Mekonnen Melaku Meles Mengistu Meron Meseret Mesfin Mulugeta Mulatu Negash Netsanet Rahel Seble Selam "
            + "Selamawit Shiferaw Sisay Solomon Tadesse Tafari Tamrat Tariku Tekle Tesfaye Teshome Tewodros Tigist "
            + "Tirunesh Tsehay Tsegaye Wondimu Worku Yared Yeshi Yirga Yohannes Yonas Zewdu Zelalem Zenebech");
    /** Ethiopian theophoric compounds: Gebre-, Wolde-, Haile- … + a saint or Mary (Gebremedhin, Woldemariam). */
    private static final String[] ET_PREFIX = {"Gebre", "Wolde", "Walde", "Haile", "Tekle", "Habte", "Kidane", "Fikre",
        "Tesfa", "Gebru"};
    private static final String[] ET_SUFFIX = {"mariam", "maryam", "medhin", "selassie", "michael", "mikael",
        "giorgis", "yesus", "kidan", "tsadik", "haimanot", "egziabher", "ab", "meskel", "amlak"};

    private static boolean ethiopian(String tc) {
        if (ETHIOPIAN.contains(tc)) {
            return true;
        }
        for (String p : ET_PREFIX) {
            if (tc.startsWith(p) && tc.length() > p.length()) {
                String rest = tc.substring(p.length()).toLowerCase(java.util.Locale.ROOT);
                if (rest.startsWith("-")) {
                    rest = rest.substring(1);
                }
                for (String x : ET_SUFFIX) {
                    if (rest.equals(x)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Korean family names as romanised (Revised Romanization and the common older spellings). */
    static final Set<String> KOREAN_SURNAMES = Lexicon.words("Kim Lee Yi Rhee Park Pak Bak Choi Choe Jung Jeong Chung Kang "
            + "Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Yoo Yu Ryu Hong Jeon Jun "
            + "Ko Go Moon Mun Yang Son Sohn Bae Baek Paik Heo Hur Nam Noh Roh Ha Kwak Sung Seong Cha Joo Ju Woo Min Na "
            + "Jin Ji Eom Um Chae Won Cheon Bang Gong Hyun Ham Byun Byeon Yeom Yeo Chu Do Seok Seon Ma Gil Pyo Myung");
    private static final java.util.regex.Pattern KOREAN_SYLLABLE = java.util.regex.Pattern.compile(
            "(?:[gkndtrlmbpsjch]{0,3}|[gkndtrlmbpsjch]{0,2}[yw])"
            + "(?:a|ae|eo|e|o|oo|u|eu|ui|i|ee|oe|wa|wae|wo|we|wi|ya|yae|yeo|ye|yo|yu)(?:k|n|t|l|m|p|ng)?");

    /** A hyphenated romanised Korean given name: two syllables joined by a hyphen (Seo-yeon, Min-jun). */
    static boolean koreanGiven(String w) {
        int dash = w.indexOf('-');
        if (dash <= 0 || dash == w.length() - 1 || w.length() > 14 || w.indexOf('-', dash + 1) >= 0
                || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        String lw = w.toLowerCase(java.util.Locale.ROOT);
        return KOREAN_SYLLABLE.matcher(lw.substring(0, dash)).matches()
                && KOREAN_SYLLABLE.matcher(lw.substring(dash + 1)).matches();
    }

    private static boolean given(String w) {
        String tc = titleCase(w);
        if (Lists.GIVEN.contains(tc) || ethiopian(tc)) {
            return true;
        }
        int dash = tc.indexOf('-');
        return dash > 0 && Lists.GIVEN.contains(tc.substring(0, dash));
    }

    private static boolean surname(String w) {
        String tc = titleCase(w);
        if (Lists.SURNAMES.contains(tc) || gaelic(w) || surnameSuffix(tc) || ethiopian(tc)) {
            return true;
        }
        int dash = tc.indexOf('-');
        return dash > 0 && Lists.SURNAMES.contains(tc.substring(0, dash));
    }

    private void emit(PiiText t, List<Tok> run, int a, int b, boolean title, List<PiiCandidate> out) {
        if (b - a < 2) {
            return;
        }
        Tok first = run.get(a);
        Tok last = run.get(b - 1);
        if (isInitial(last)) {
            return;
        }
        boolean initialFirst = isInitial(first);
        if (initialFirst && !surname(last.word)) {
            return;
        }
        boolean allCaps = true;
        for (int k = a; k < b; k++) {
            String w = run.get(k).word;
            allCaps &= w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT));
        }
        boolean g = given(first.word);
        boolean sn = surname(last.word);
        if (allCaps && !(g && sn)) {
            return;
        }
        double score = initialFirst ? 0.45 : g && sn ? 0.8 : g ? 0.6 : sn ? 0.55 : 0.25;
        int start = first.start;
        int end = last.end;
        if (end > start && t.charAt(end - 1) == '.') {
            end--;
        }
        if (title || Context.before(t, start, 8, "mr", "mrs", "ms", "dr", "prof", "sir", "miss", "mx")) {
            score += 0.4;
        } else if (Context.before(t, start, 16, STRONG_WORDS)) {
            score += 0.35;
        } else if (Context.before(t, start, 25, ROLE_WORDS)) {
            score += 0.3;
        } else if (Context.before(t, start, 6, "by", "with", "from", "for", "to", "and", "cc", "of")) {
            score += 0.1;
        }
        if (Context.after(t, end, 3, "'s", "’s") || Context.after(t, end, 16, AFTER_WORDS)) {
            score += 0.3;
        } else if (Context.after(t, end, 4, WEAK_AFTER_WORDS)) {
            score += 0.1;
        }
        if (Context.before(t, start, 4, "the")) {
            score -= 0.3;
        }
        if (Context.after(t, end, 12, COMPANY_VERB_WORDS)) {
            score -= 0.25;
        }
        if (score >= 0.2) {
            out.add(new PiiCandidate("PERSON", start, end, Math.min(score, 0.97), name()));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Chinese

    private void chinese(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int lastEnd = -2;
        for (int i = 0; i + 1 < n; i++) {
            char c = cs[i];
            if (!SURNAME_START[c]) {
                continue; // not Han, or no surname starts with it: nothing below can start here
            }
            int sl = 0;
            if (Lists.ZH_COMPOUND_FIRST[c] && i + 2 < n && Lists.ZH_SURNAMES.contains(s.substring(i, i + 2))) {
                sl = 2;
            } else if (Lists.ZH_SINGLE[c]) {
                sl = 1;
            }
            if (sl == 0 || !PiiText_isHan(i + sl < n ? cs[i + sl] : ' ')) {
                continue;
            }
            boolean leftBoundary = i == 0 || !PiiText_isHan(cs[i - 1]);
            if (!leftBoundary && !LEAD_LAST[cs[i - 1]]) {
                continue; // a Han character before that ends no lead word: inside a word
            }
            boolean lead = false;
            if (!leftBoundary) {
                boolean weak = endsWithAny(cs, i, WEAK_LEAD_BY_LAST);
                lead = endsWithAny(cs, i, ROLE_LEAD_BY_LAST);
                if (!lead && !weak) {
                    continue;
                }
            } else {
                // After a label colon, or the next name of a list ("黄欣怡、司马鹏"), or a table cell under a 姓名 header.
                lead = i > 0 && (cs[i - 1] == ':' || cs[i - 1] == '：')
                        || i - 1 == lastEnd && (cs[i - 1] == '、' || cs[i - 1] == '，' || cs[i - 1] == ',')
                        || nameColumn(s, i);
            }
            int g = i + sl;
            if (sl == 1 && cs[g] == c) {
                continue; // 谈谈, 常常, 时时: a reduplicated character is a word, not surname + given name
            }
            if (sl == 1 && FUNCTION_SURNAME[c] && !nameSlot(t, s, cs, i, lastEnd)
                    && !(endsWithAny(cs, i, ROLE_LEAD_BY_LAST) && commonGivenThenBoundary(s, cs, g))) {
                continue; // 都应, 那位, 曾在: an adverb or pronoun that is also a surname, without a name slot
            }
            int len = 0;
            String titleHere = followAt(s, g);
            if (titleHere != null && ZH_TITLES.contains(titleHere)) {
                continue; // 王先生: a surname and a title, no given name
            }
            // With a label or title around it, any Han character may be a given name; otherwise only common ones.
            boolean strong = lead || labelBefore(t, i) || longFollowAt(s, g + 1) || longFollowAt(s, g + 2);
            if (strong) {
                String f1 = followAt(s, g + 1);
                boolean b1 = g + 1 >= n || !PiiText_isHan(cs[g + 1]);
                boolean b2 = g + 1 < n && PiiText_isHan(cs[g + 1])
                        && (g + 2 >= n || !PiiText_isHan(cs[g + 2]) || longFollowAt(s, g + 2)
                        || followAt(s, g + 2) != null && givenChar(s, g + 1));
                if (f1 != null || b1) {
                    len = sl + 1;
                } else if (b2) {
                    len = sl + 2;
                }
                if (len > 0 && sl == 1 && NOT_NAMES.contains(s.substring(i, i + 2))) {
                    len = 0;
                }
            } else if (givenChar(s, g) && !(sl == 1 && weakFollowOnly(s, g + 1))
                    && !(sl == 1 && NOT_NAMES.contains(s.substring(i, i + 2)))) {
                String follow1 = followAt(s, g + 1);
                boolean ok1 = follow1 != null || g + 1 >= n || !PiiText_isHan(cs[g + 1]);
                boolean ok2 = givenChar(s, g + 1) && (g + 2 >= n || !PiiText_isHan(cs[g + 2])
                        || followAt(s, g + 2) != null);
                if (follow1 != null && (follow1.length() > 1 || !ok2)) {
                    len = sl + 1;
                } else if (ok2) {
                    len = sl + 2;
                } else if (ok1) {
                    len = sl + 1;
                }
            }
            if (len == 0 || len == sl + 1 && cs[i + sl] == '子') {
                continue; // 孔子, 孟子: a surname with the honorific 子, not a given name
            }
            String follow = followAt(s, i + len);
            boolean titled = follow != null && ZH_TITLES.contains(follow);
            boolean speaker = lineStart(s, i) && i + len < n && (cs[i + len] == '：' || cs[i + len] == ':')
                    && !(sl == 1 && NOT_NAMES.contains(s.substring(i, i + 2)));
            if (leftBoundary && !lead && follow == null && !titled && !speaker) {
                // A bare two- or three-character word between punctuation: too weak on its own,
                // unless a name label is right before it.
                boolean paren = i + len < n && (cs[i + len] == '（' || cs[i + len] == '(');
                boolean threeCommon = len == 3 && sl == 1 && givenChar(s, i + 1) && givenChar(s, i + 2);
                if (!paren && !threeCommon && !Context.before(t, i, 6, "姓名", "收件人", "收货人", "户名", "收款人", "联系人")) {
                    continue;
                }
            }
            double score = titled || lead ? 0.85 : 0.7;
            out.add(new PiiCandidate("PERSON", i, i + len, score, name()));
            lastEnd = i + len;
            i += len - 1;
        }
    }

    /**
     * Surname characters that are far more often an adverb, pronoun, conjunction or common verb (都 "all", 那
     * "that", 曾 "once", 于 "at", 来 "come" …). They start a name only in a name slot.
     */
    private static final boolean[] FUNCTION_SURNAME = new boolean[65536];

    static {
        for (char c : "都那和但向于应由全常时曾莫来揭谈安".toCharArray()) {
            FUNCTION_SURNAME[c] = true;
        }
    }

    /** Words right before a name slot: labels and naming verbs, not a role noun that may be a sentence's subject. */
    private static final String[] ZH_NAME_SLOT_LEAD = {"姓名", "联系人", "收货人", "收件人", "户名", "收款人", "付款人",
        "持卡人", "签收人", "经办人", "代理人", "我叫", "名叫", "叫", "寄给", "发给", "交给", "转交", "致", "尊敬的", "亲爱的"};
    private static final String[][] NAME_SLOT_BY_LAST = byLastChar(ZH_NAME_SLOT_LEAD);

    /**
     * A place where only a name fits: right after a label colon or a naming word, next in a list of names, in a
     * name column, or before a title after common given-name chars.
     */
    private static boolean nameSlot(PiiText t, String s, char[] cs, int i, int lastEnd) {
        if (i > 0 && (cs[i - 1] == ':' || cs[i - 1] == '：')) {
            return true;
        }
        if (i > 0 && i - 1 == lastEnd && (cs[i - 1] == '、' || cs[i - 1] == '，' || cs[i - 1] == ',')) {
            return true;
        }
        if (endsWithAny(cs, i, NAME_SLOT_BY_LAST) || nameColumn(s, i)) {
            return true;
        }
        // A title after one or two common given-name chars (都文斌先生); 那位老师 has no given-name char.
        for (int k = i + 2; k <= i + 3 && k < s.length(); k++) {
            if (!givenChar(s, k - 1)) {
                return false;
            }
            String f = followAt(s, k);
            if (f != null && ZH_TITLES.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One or two common given-name chars at {@code g}, then punctuation, the end, or a title or other
     * two-character follow word (客户向芳怡，), not a one-character word such as 在 (用户都可以在).
     */
    private static boolean commonGivenThenBoundary(String s, char[] cs, int g) {
        int n = s.length();
        if (!givenChar(s, g)) {
            return false;
        }
        if (g + 1 >= n || !PiiText_isHan(cs[g + 1]) || longFollowAt(s, g + 1)) {
            return true;
        }
        return givenChar(s, g + 1) && !NOT_GIVEN.contains(s.substring(g, g + 2))
                && (g + 2 >= n || !PiiText_isHan(cs[g + 2]) || longFollowAt(s, g + 2));
    }

    /** Common two-character words made of given-name chars that are modal verbs, adverbs or quantifiers. */
    private static final Set<String> NOT_GIVEN = Lexicon.words("可以 可能 可是 可爱 以及 以后 以前 以上 以下 以来 以为 "
            + "有的 有些 有人 有关 有效 有时 正在 正是 正常 正好 正式 一起 一直 一定 一些 一样 一般 一切 成为 成功 生活 "
            + "生产 发生 发现 发展 明白 明显 时间 新的 美好 安全 平时 平安 进行 进入 达到 远远 真的 真正 永远 顺利");

    private static boolean lineStart(String s, int i) {
        return i == 0 || s.charAt(i - 1) == '\n';
    }

    /**
     * A cell that opens a line of a table ("上官婉儿 | 139…") whose header line, at most five lines up, opens with a
     * name label (姓名, 联系人 …). Bounded: looks back at most 400 chars, only when a cell separator follows.
     */
    private static boolean nameColumn(String s, int i) {
        if (!lineStart(s, i)) {
            return false;
        }
        int j = i;
        while (j < s.length() && j - i < 6 && PiiText_isHan(s.charAt(j))) {
            j++;
        }
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        if (j >= s.length() || (s.charAt(j) != '|' && s.charAt(j) != '\t' && s.charAt(j) != '｜')) {
            return false;
        }
        int lineEnd = i - 1;
        for (int lines = 0; lines < 5 && lineEnd > 0 && i - lineEnd < 400; lines++) {
            int ls = s.lastIndexOf('\n', lineEnd - 1) + 1;
            for (String label : TABLE_NAME_HEADERS) {
                if (s.startsWith(label, ls)) {
                    return true;
                }
            }
            lineEnd = ls - 1;
        }
        return false;
    }

    private static final String[] TABLE_NAME_HEADERS = {"姓名", "联系人", "客户", "员工", "收件人", "负责人", "成员", "人员"};

    /** Only a weak one-character follow word (是, 在 …) after a two-character name without a lead word. */
    private static boolean weakFollowOnly(String s, int i) {
        return i < s.length() && "是在已和与等也还将会于".indexOf(s.charAt(i)) >= 0 && !(i + 1 < s.length()
                && followAt(s, i) != null && followAt(s, i).length() > 1);
    }

    /** A title or another two-character follow word (出生, 先生 …) at {@code i}. */
    private static boolean longFollowAt(String s, int i) {
        String f = followAt(s, i);
        return f != null && f.length() > 1 && !ZH_VERB_FOLLOW.contains(f);
    }

    private static boolean labelBefore(PiiText t, int i) {
        return Context.before(t, i, 5, "姓名", "收件人", "收货人", "户名", "收款人", "联系人", "患者", "客户", "员工", "用户");
    }

    /** The lead words grouped by their last char: only those can end right before a given char. */
    private static final String[][] WEAK_LEAD_BY_LAST = byLastChar(ZH_WEAK_LEAD);
    private static final String[][] ROLE_LEAD_BY_LAST = byLastChar(ZH_ROLE_LEAD);

    private static String[][] byLastChar(String[] words) {
        String[][] by = new String[65536][];
        for (String w : words) {
            char c = w.charAt(w.length() - 1);
            by[c] = by[c] == null ? new String[] {w} : concat(by[c], new String[] {w});
        }
        return by;
    }

    /** Whether a word of {@code byLast} ends right before {@code i}. */
    private static boolean endsWithAny(char[] cs, int i, String[][] byLast) {
        String[] ws = i > 0 ? byLast[cs[i - 1]] : null;
        if (ws == null) {
            return false;
        }
        for (String w : ws) {
            int from = i - w.length();
            if (from >= 0 && regionEquals(cs, from, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEquals(char[] cs, int from, String w) {
        for (int k = 0; k < w.length(); k++) {
            if (cs[from + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean givenChar(String s, int i) {
        return i < s.length() && Lists.ZH_GIVEN_CHAR[s.charAt(i)];
    }

    /** A Han char that is a single surname or starts a compound one. */
    private static final boolean[] SURNAME_START = new boolean[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            SURNAME_START[c] = PiiText_isHan((char) c) && (Lists.ZH_SINGLE[c] || Lists.ZH_COMPOUND_FIRST[c]);
        }
    }

    private static final boolean[] LEAD_LAST = new boolean[65536];
    private static final boolean[] FOLLOW_FIRST = new boolean[65536];

    static {
        for (String w : ZH_LEAD) {
            LEAD_LAST[w.charAt(w.length() - 1)] = true;
        }
        for (String w : ZH_FOLLOW) {
            FOLLOW_FIRST[w.charAt(0)] = true;
        }
    }

    private static String followAt(String s, int i) {
        if (i >= s.length() || !FOLLOW_FIRST[s.charAt(i)]) {
            return null;
        }
        for (String w : ZH_FOLLOW) {
            if (s.startsWith(w, i)) {
                return w;
            }
        }
        return null;
    }
}
