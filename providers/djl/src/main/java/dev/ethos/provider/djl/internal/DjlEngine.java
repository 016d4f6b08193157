package dev.ethos.provider.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Sets DJL's offline switches (and the default of one PyTorch intra-op thread) before the PyTorch
 * engine loads, and hands out managers on it. Set {@code -Dai.djl.pytorch.num_threads=N} to use
 * more threads per operation.
 */
public final class DjlEngine {
    public static final String ENGINE = "PyTorch";

    static {
        // Nothing may be downloaded at run time: the natives come from the pytorch-native-cpu jar.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_OFFLINE", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // One intra-op thread per generation unless the application chose otherwise. Decoding is
        // hundreds of small operations per token; with one OpenMP thread per core, threads that
        // spin-wait for a descheduled partner made decoding 10-30x slower on a shared machine
        // (docs/providers.md), and concurrent generations already use the cores.
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
    }

    private DjlEngine() {
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs the static initialiser: the offline switches are set once this returns. */
    public static void init() {
        // nothing else: loading the class sets the properties
    }

    /** The PyTorch engine (loading it the first time). */
    public static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    public static NDManager newManager() {
        return NDManager.newBaseManager(ENGINE);
    }
}
