package dev.ethos.provider.djl.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/** Sets DJL's offline switches before the PyTorch engine loads, and hands out managers on it. */
public final class DjlEngine {
    public static final String ENGINE = "PyTorch";

    static {
        // Nothing may be downloaded at run time: the natives come from the pytorch-native-cpu jar.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_OFFLINE", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
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
