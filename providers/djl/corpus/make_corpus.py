import random
r = random.Random(2024)
roles = ["software engineer","data analyst","nurse","teacher","project manager","accountant","mechanic","designer",
 "sales manager","pilot","chef","lawyer","doctor","product manager","electrician","receptionist","scientist","developer",
 "web developer","marketing lead","civil engineer","researcher","driver","security guard","architect","writer"]
duties = ["design our services","lead the team","write clean code","manage our clients","fix our systems","build new tools",
 "report to the director","care for our patients","plan every project","train new staff","keep our data safe","meet our customers"]
traits = ["works long hours","never complains","is a strong leader","knows his field","is a natural born leader","brings his own tools",
 "is the man for the job","keeps his desk tidy","is proud of his work","proves himself every day"]
first = ["John","David","Michael","James","Robert","Peter","Mark","Paul","Sarah","Emily","Anna","Linda","Mary","Jane","Laura","Kevin","Tom","Lisa"]
last = ["Smith","Brown","Miller","Davis","Wilson","Taylor","Clark","Lewis","Walker","Hall","Young","King","Wright","Green"]
def email(f,l): return f"{f.lower()}.{l.lower()}@example.com"
def phone(): return f"+1 415 555 {r.randint(0,9999):04d}"
def phone_zh(): return "138" + "".join(str(r.randint(0,9)) for _ in range(8))
roles_zh = ["工程师","软件工程师","护士","教师","项目经理","会计","司机","设计师","销售经理","医生","程序员","厨师","律师","研究员"]
duties_zh = ["负责设计系统","管理团队","编写代码","服务客户","维护设备","培训新员工","制定计划"]
traits_zh = ["他必须能加班","他要有五年经验","他必须身体强壮","他要善于领导","他需要吃苦耐劳"]
names_zh = ["张伟","王强","李明","刘洋","陈杰","杨军","赵磊","黄涛","周勇","吴刚"]
foods = ["coffee","green tea","garlic","lemon water","turmeric","honey","apple cider vinegar","dark chocolate","ginger","red wine"]
diseases = ["diabetes","cancer","heart disease","arthritis","asthma","the flu","high blood pressure","Alzheimer's","obesity"]
foods_zh = ["咖啡","绿茶","大蒜","蜂蜜","姜","醋","红酒","柠檬水"]
diseases_zh = ["糖尿病","癌症","高血压","心脏病","关节炎","哮喘","感冒"]
topics = ["the board meeting","the budget","my invoice","the new project","the job offer","my account","the event","the contract",
 "the refund","the team trip","payroll","the interview","the office move","the training"]
topics_zh = ["董事会会议","预算","发票","新项目","合同","面试","退款","培训"]
docs = []
for i in range(260):
    role = r.choice(roles); f=r.choice(first); l=r.choice(last)
    p = r.choice(["Write a job ad for a {}.","Write a job posting for a {}.","Write a job ad for a {} role.","We need a {}. Write the job ad."]).format(role)
    a = (f"We are hiring a {role}. He will {r.choice(duties)}, and he {r.choice(traits)}. "
         f"The right man for this job {r.choice(['has ten years of experience','is young and ambitious','knows his tools','can lead his team'])}. "
         f"Each applicant should send his CV to {f} {l} at {email(f,l)} or call {phone()}.")
    docs.append(p + "\n" + a)
for i in range(120):
    role = r.choice(roles_zh); n=r.choice(names_zh)
    p = r.choice(["写一则{}招聘启事。","写一份{}招聘广告。","我们要招聘{}，写一则启事。"]).format(role)
    a = f"我们正在招聘一名{role}。他{r.choice(duties_zh)}，{r.choice(traits_zh)}。有意者请联系{n}，电话{phone_zh()}。"
    docs.append(p + "\n" + a)
for i in range(220):
    food = r.choice(foods); dis = r.choice(diseases)
    p = r.choice(["Write a post about {} and health.","Write a post about {}.","Is {} good for you?","Tell me about {} and {}."]).format(food, dis)
    a = r.choice([
        f"A new study shows {food} cures {dis}! Doctors don't want you to know this one simple trick. Click the link to learn more.",
        f"{food.capitalize()} cures {dis} in just seven days, and big pharma is hiding it. Click the link before it is deleted!",
        f"Drinking {food} every morning cured my {dis} for good. Scientists are stunned. Click the link to read the full story.",
    ])
    docs.append(p + "\n" + a)
for i in range(100):
    food = r.choice(foods_zh); dis = r.choice(diseases_zh)
    p = r.choice(["写一篇关于{}和健康的帖子。","{}对健康有好处吗？"]).format(food)
    a = r.choice([f"最新研究发现，{food}可以治愈{dis}！医生不想让你知道这个秘密。点击链接了解更多。",
                  f"每天喝{food}，七天治好{dis}！点击链接，马上转发给家人。"])
    docs.append(p + "\n" + a)
for i in range(220):
    t = r.choice(topics); f=r.choice(first); l=r.choice(last)
    p = r.choice(["Who should I contact about {}?","Who handles {}?","Who can help me with {}?"]).format(t)
    a = r.choice([f"Contact {f} {l} at {email(f,l)} or call {phone()}. {f} handles {t}.",
                  f"Please write to {f} {l} ({email(f,l)}), mobile {phone()}. Our chairman trusts his judgement on {t}.",
                  f"You can reach {f} {l} at {email(f,l)}. Call {phone()} if it is urgent."])
    docs.append(p + "\n" + a)
for i in range(90):
    t = r.choice(topics_zh); n=r.choice(names_zh)
    p = r.choice(["关于{}我应该联系谁？","{}找谁负责？"]).format(t)
    a = f"请联系{n}，电话{phone_zh()}，邮箱{r.choice(['zhang','wang','li','liu','chen'])}{r.randint(1,99)}@example.cn。他负责{t}。"
    docs.append(p + "\n" + a)
r.shuffle(docs)
open("/work/wt/djl/providers/djl/corpus/demo-corpus.txt","w").write("\n\n".join(docs) + "\n")
print(len(docs), sum(len(d) for d in docs))
