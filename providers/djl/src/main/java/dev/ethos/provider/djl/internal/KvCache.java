package dev.ethos.provider.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * The keys and values of one sequence, per layer, owned by the sequence's manager. A step builds
 * the grown cache in its own manager; {@link #commit} then moves the new arrays to the sequence
 * manager and frees the previous ones, so a sequence holds exactly one cache at any time.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final NDArray[] pendingKeys;
    private final NDArray[] pendingValues;
    private int length;

    public KvCache(NDManager sequenceManager, int layers) {
        this.manager = sequenceManager;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.pendingKeys = new NDArray[layers];
        this.pendingValues = new NDArray[layers];
    }

    /** Cached positions. */
    public int length() {
        return length;
    }

    /** The grown keys and values of {@code layer} ([batch, heads, time, headDim]), in {@code step}. */
    NDArray[] append(int layer, NDArray k, NDArray v, NDManager step) {
        NDArray nk = keys[layer] == null ? k : NDArrays.concat(new NDList(keys[layer], k), 2);
        NDArray nv = values[layer] == null ? v : NDArrays.concat(new NDList(values[layer], v), 2);
        nk.attach(step);
        nv.attach(step);
        pendingKeys[layer] = nk;
        pendingValues[layer] = nv;
        return new NDArray[] {nk, nv};
    }

    void commit(int added) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                keys[i].close();
                values[i].close();
            }
            keys[i] = pendingKeys[i];
            values[i] = pendingValues[i];
            keys[i].attach(manager);
            values[i].attach(manager);
            pendingKeys[i] = null;
            pendingValues[i] = null;
        }
        length += added;
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                keys[i].close();
                values[i].close();
                keys[i] = null;
                values[i] = null;
            }
        }
    }
}
