package dev.ethos.benchmarks.bias;

import dev.ethos.safety.bias.BiasFilter;
import dev.ethos.safety.bias.BiasResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded throughput of the bias filter on English and Chinese prose (about 256 KiB of
 * UTF-8 per operation: job ads, policies and narrative with generic and specific referents, role
 * nouns and neutral text). The {@code bytes} counter is UTF-8 input bytes per second: divide by
 * 10^6 for MB/s. Run: {@code java -jar benchmarks/target/benchmarks.jar BiasBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BiasBenchmark {
    static final String[] EN = {
        "We are looking for a senior Java developer. He will lead code reviews and mentor junior developers.",
        "If the user has not verified his email address, he isn't able to post comments.",
        "The ideal candidate is detail-oriented. She manages multiple deadlines and communicates clearly.",
        "My mother called to say she had landed safely, and my brother Sam says he'll pick her up.",
        "Each applicant must submit his transcript by March 1, and the chairman reviews every file.",
        "The quarterly report covers revenue, churn and the roadmap for the next two releases.",
        "Firemen and paramedics are often the first to arrive; a policeman secures the scene.",
        "Marie Curie won her second Nobel Prize in 1911, a milestone for science.",
        "A good manager listens to his team before he makes a decision, doesn't he?",
        "Deploy the service behind the load balancer and check the health endpoint every minute.",
        "Anyone who wants to join the club must pay his or her dues by Friday.",
        "Plastic is a man-made material; mankind has produced billions of tonnes of it.",
        "The tenant must read the lease carefully. He or she must sign it in front of a witness.",
        "Cache invalidation remains one of the hard problems, so measure before you optimise.",
        "When a customer is upset, let her explain the problem and hand her her receipt.",
        "Women are naturally worse at math, some people claim, but the data say otherwise.",
    };
    static final String[] ZH = {
        "一名合格的软件工程师，他需要具备良好的代码规范意识。", "每位申请人都应在截止日期前提交他的简历。",
        "我妈妈说她明天会来看我。", "女司机在雨天行车时更要注意保持车距。", "本季度的收入增长主要来自海外市场。",
        "如果医生发现患者有药物过敏史，他应该立即调整治疗方案。", "空姐需要在起飞前向乘客演示安全带的使用方法。",
        "请尊重他人的隐私，不要随意转发其他人的照片。", "用户登录后，他/她可以在个人中心查看订单。",
        "居里夫人在1911年获得了她的第二个诺贝尔奖。", "系统会在每天凌晨两点自动备份数据库。",
        "一位优秀的老师会耐心倾听学生的想法，她从不轻易否定学生。",
    };

    @Param({"en", "zh"})
    public String lang;

    private String text;
    private long utf8Bytes;
    private BiasFilter filter;

    /** UTF-8 input bytes processed, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] src = lang.equals("zh") ? ZH : EN;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < 256 * 1024) {
            for (int k = 0; k < 64; k++, i++) {
                sb.append(src[i % src.length]);
                sb.append(i % 7 == 6 ? "\n\n" : lang.equals("zh") ? "" : " ");
            }
        }
        text = sb.toString();
        utf8Bytes = text.getBytes(StandardCharsets.UTF_8).length;
        filter = BiasFilter.ofDefaults();
    }

    @Benchmark
    public BiasResult rewrite(Counters c) {
        c.bytes += utf8Bytes;
        return filter.rewrite(text);
    }
}
