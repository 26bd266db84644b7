package io.atspro.shared;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Tells public internet addresses from the ones a server-side fetch must never reach: loopback, private,
 * link-local (cloud metadata at 169.254.169.254 included), unspecified, multicast, CGNAT, reserved and
 * documentation ranges, and IPv6 forms that embed such an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 * IPv6 is allow-listed: only global unicast ({@code 2000::/3}) can be public.
 */
public final class AddressClassifier {

    private AddressClassifier() {
    }

    public static boolean isPublic(InetAddress address) {
        return blockedRange(address) == null;
    }

    /** The name of the non-public range the address is in (for logs), or null when it is a public address. */
    public static String blockedRange(InetAddress address) {
        if (address == null) {
            return "no address";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address || b.length == 4) {
            return ipv4(b, 0);
        }
        if (address instanceof Inet6Address || b.length == 16) {
            return ipv6(b);
        }
        return "unknown address family";
    }

    private static String ipv4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xff;
        int b = bytes[offset + 1] & 0xff;
        int c = bytes[offset + 2] & 0xff;
        if (a == 0) {
            return "this network (0.0.0.0/8)";
        }
        if (a == 10) {
            return "private (10.0.0.0/8)";
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return "carrier-grade NAT (100.64.0.0/10)";
        }
        if (a == 127) {
            return "loopback (127.0.0.0/8)";
        }
        if (a == 169 && b == 254) {
            return "link-local (169.254.0.0/16)";
        }
        if (a == 172 && (b & 0xf0) == 16) {
            return "private (172.16.0.0/12)";
        }
        if (a == 192 && b == 0 && (c == 0 || c == 2)) {
            return c == 0 ? "IETF protocol assignments (192.0.0.0/24)" : "documentation (192.0.2.0/24)";
        }
        if (a == 192 && b == 168) {
            return "private (192.168.0.0/16)";
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return "benchmarking (198.18.0.0/15)";
        }
        if ((a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)) {
            return "documentation";
        }
        if (a >= 224 && a <= 239) {
            return "multicast (224.0.0.0/4)";
        }
        if (a >= 240) {
            return "reserved (240.0.0.0/4)";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            String v4 = ipv4(b, 12);
            return v4 == null ? null : "IPv4-mapped " + v4;
        }
        if (allZero(b, 0, 12)) {
            // ::/128, ::1 and the deprecated IPv4-compatible ::a.b.c.d (0.0.0.0/8 covers the first two)
            String v4 = ipv4(b, 12);
            return v4 == null ? "IPv4-compatible (deprecated)" : "IPv4-compatible " + v4;
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return "IPv4-translated (::ffff:0:0:0/96)";
        }
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x0064 && second == 0xff9b) {
            if (allZero(b, 4, 12)) {
                String v4 = ipv4(b, 12);
                return v4 == null ? null : "NAT64 " + v4;
            }
            return "local-use NAT64 (64:ff9b:1::/48)";
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "unique local (fc00::/7)";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "link-local (fe80::/10)";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "site-local (fec0::/10)";
        }
        if ((b[0] & 0xff) == 0xff) {
            return "multicast (ff00::/8)";
        }
        if ((b[0] & 0xe0) != 0x20) {
            return "not global unicast (outside 2000::/3)";
        }
        if (first == 0x2001 && second == 0x0000) {
            return "Teredo (2001::/32)";
        }
        if (first == 0x2001 && second == 0x0db8) {
            return "documentation (2001:db8::/32)";
        }
        if (first == 0x2002) {
            String v4 = ipv4(b, 2);
            return v4 == null ? null : "6to4 " + v4;
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
