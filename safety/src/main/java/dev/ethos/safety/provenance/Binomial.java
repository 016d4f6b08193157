package dev.ethos.safety.provenance;

/** The exact upper tail of a binomial distribution, computed in log space. */
final class Binomial {
    private Binomial() {
    }

    /** ln P(X ≥ k) for X ~ Binomial(n, p). */
    static double logUpperTail(int n, int k, double p) {
        if (k <= 0) {
            return 0.0;
        }
        if (k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double lp = Math.log(p);
        double lq = Math.log1p(-p);
        // ln pmf(k) = ln C(n, k) + k ln p + (n - k) ln q, with ln C(n, k) summed exactly.
        double lc = 0;
        int small = Math.min(k, n - k);
        for (int i = 1; i <= small; i++) {
            lc += Math.log((double) (n - small + i) / i);
        }
        double term = lc + k * lp + (n - k) * lq;
        double max = term;
        // Sum pmf(k..n) relative to pmf(k): pmf(j+1)/pmf(j) = (n-j)/(j+1) * p/q.
        double[] logs = new double[n - k + 1];
        logs[0] = term;
        for (int j = k; j < n; j++) {
            term += Math.log((double) (n - j) / (j + 1)) + lp - lq;
            logs[j - k + 1] = term;
            max = Math.max(max, term);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return Math.min(0.0, max + Math.log(sum));
    }
}
