package dev.ethos.safety.pii.internal;

import com.google.common.net.InetAddresses;
import dev.ethos.safety.pii.PiiCandidate;
import dev.ethos.safety.pii.PiiText;
import dev.ethos.safety.pii.Recognizer;
import java.util.List;
import java.util.Set;

/**
 * IPv4 (dotted quad, octets 0-255 without leading zeros) and IPv6 (any RFC 4291 text form, parsed by
 * Guava's {@code InetAddresses}, never resolved). A dotted quad right after a version word
 * (version, build, firmware, release, v, 版本, 固件 …) is a version number, not an address, and is
 * dropped. Score 0.85 (IPv4) or 0.9 (IPv6); "IP", "address", "server", "登录" … raise it.
 */
public final class IpAddressRecognizer implements Recognizer {
    static final String[] VERSION = {"version", "versions", "ver", "ver.", "build", "firmware", "release", "patch",
        "upgrade", "update", "updated", "版本", "版本号", "固件", "升级", "更新", "补丁", "build number"};
    static final String[] POSITIVE = {"ip", "ip address", "address", "server", "host", "client", "login", "logged",
        "from", "reply", "ping", "登录", "地址", "服务器", "访问"};

    @Override
    public String name() {
        return "ip-address";
    }

    @Override
    public Set<String> types() {
        return Set.of("IP_ADDRESS");
    }

    @Override
    public void analyze(PiiText t, List<PiiCandidate> out) {
        ipv4(t, out);
        ipv6(t, out);
    }

    private void ipv4(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int i = 0;
        int[] starts = t.digitRunStarts();
        int next = 0;
        while (i < n) {
            // Only a digit after a non-word char can start an address: a digit after a digit never does, so the
            // scan jumps from run start to run start.
            while (next < starts.length && starts[next] < i) {
                next++;
            }
            if (next == starts.length) {
                break;
            }
            i = starts[next];
            if (!t.isDigit(i) || t.isWordChar(i - 1) || (i > 0 && cs[i - 1] == '.' && t.isDigit(i - 2))) {
                i++;
                continue;
            }
            int j = i;
            int parts = 0;
            boolean ok = true;
            while (true) {
                int k = j;
                while (k < n && t.isDigit(k) && k - j < 4) {
                    k++;
                }
                int len = k - j;
                if (len == 0 || len > 3 || (len > 1 && cs[j] == '0') || Integer.parseInt(s.substring(j, k)) > 255) {
                    ok = false;
                    j = k;
                    break;
                }
                parts++;
                j = k;
                if (parts == 4 || j >= n || cs[j] != '.' || !t.isDigit(j + 1)) {
                    break;
                }
                j++;
            }
            if (ok && parts == 4 && !t.isWordChar(j) && !(j < n && cs[j] == '.' && t.isDigit(j + 1))) {
                if (!versionContext(t, i)) {
                    double score = Context.before(t, i, 30, POSITIVE) ? 0.95 : 0.85;
                    out.add(new PiiCandidate("IP_ADDRESS", i, j, score, name()));
                }
            }
            i = Math.max(j, i + 1);
            while (i < n && (t.isDigit(i) || cs[i] == '.')) {
                i++;
            }
        }
    }

    static boolean versionContext(PiiText t, int start) {
        int from = Math.max(0, start - 24);
        int hit = Context.lastIndexOf(t, from, start, VERSION);
        if (hit < 0) {
            // "v1.2.3.4" or "v 1.2.3.4": a lone v counts only right before the number.
            int v = start > 1 && t.charAt(start - 1) == ' ' ? start - 2 : start - 1;
            return v >= 0 && (t.charAt(v) == 'v' || t.charAt(v) == 'V') && !t.isWordChar(v - 1);
        }
        // Only words between the version word and the number (no other number or sentence end).
        for (int k = hit; k < start; k++) {
            char c = t.charAt(k);
            if (c == '.' || c == '。' || c == ';' || c == '\n' || (c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void ipv6(PiiText t, List<PiiCandidate> out) {
        String s = t.normalized();
        char[] cs = t.chars();
        int n = s.length();
        int colon = s.indexOf(':');
        int scanned = 0;
        while (colon >= 0) {
            // Extend to the whole run of hex digits, colons and dots around this colon.
            int l = colon;
            while (l > scanned && (hex(cs[l - 1]) || cs[l - 1] == ':' || cs[l - 1] == '.')
                    && colon - l < 45) {
                l--;
            }
            int r = colon;
            while (r < n && (hex(cs[r]) || cs[r] == ':' || cs[r] == '.') && r - l < 46) {
                r++;
            }
            while (r > l && (cs[r - 1] == '.' || cs[r - 1] == ':' && !(r - 2 >= l && cs[r - 2] == ':'))) {
                r--;
            }
            while (l < r && cs[l] == ':' && !(l + 1 < r && cs[l + 1] == ':')) {
                l++;
            }
            if (r - l >= 3 && !t.isWordChar(l - 1) && !t.isWordChar(r) && countColons(s, l, r) >= 2) {
                String cand = s.substring(l, r);
                if ((cand.contains("::") || countColons(s, l, r) == 7 || cand.indexOf('.') > 0)
                        && hasHexLetterOrDoubleColon(cand) && InetAddresses.isInetAddress(cand)) {
                    double score = Context.before(t, l, 30, POSITIVE) ? 0.95 : 0.9;
                    out.add(new PiiCandidate("IP_ADDRESS", l, r, score, name()));
                }
            }
            scanned = Math.max(r, colon + 1);
            colon = s.indexOf(':', scanned);
        }
    }

    private static boolean hasHexLetterOrDoubleColon(String c) {
        return c.contains("::") || c.chars().anyMatch(ch -> (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))
                || c.chars().filter(ch -> ch == ':').count() == 7;
    }

    private static int countColons(String s, int l, int r) {
        int k = 0;
        for (int i = l; i < r; i++) {
            if (s.charAt(i) == ':') {
                k++;
            }
        }
        return k;
    }
}
