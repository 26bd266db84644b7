package io.atspro.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressClassifierTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3",
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "192.0.0.170", "192.0.2.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9",
            "::", "::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::ffff", "fec0::1", "ff02::1", "ff05::2",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.1.2.3",
            "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b:1::1", "2002:7f00:1::", "2002:a9fe:a9fe::1",
            "2001:db8::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "100::1", "::ffff:0:a00:1"})
    void refusesNonPublicAddresses(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressClassifier.isPublic(address)).as(literal).isFalse();
        assertThat(AddressClassifier.blockedRange(address)).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "11.0.0.1", "100.63.255.255", "100.128.0.1",
            "172.15.255.255", "172.32.0.1", "169.253.255.255", "169.255.0.1", "192.167.255.255", "192.169.0.1",
            "198.17.255.255", "198.20.0.1", "223.255.255.254",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001:80b::200e", "64:ff9b::808:808",
            "2002:808:808::1"})
    void acceptsPublicAddresses(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(AddressClassifier.isPublic(address)).as(literal).isTrue();
        assertThat(AddressClassifier.blockedRange(address)).isNull();
    }

    /** The JDK turns "::ffff:a.b.c.d" text into an Inet4Address; an Inet6Address holding those bytes is checked too. */
    @Test
    void checksIpv4MappedAddressesKeptInIpv6Form() throws UnknownHostException {
        assertThat(AddressClassifier.isPublic(mapped(127, 0, 0, 1))).isFalse();
        assertThat(AddressClassifier.isPublic(mapped(169, 254, 169, 254))).isFalse();
        assertThat(AddressClassifier.isPublic(mapped(192, 168, 1, 1))).isFalse();
        assertThat(AddressClassifier.isPublic(mapped(100, 64, 0, 1))).isFalse();
        assertThat(AddressClassifier.isPublic(mapped(8, 8, 8, 8))).isTrue();
        assertThat(AddressClassifier.blockedRange(mapped(169, 254, 169, 254))).contains("link-local");
    }

    @Test
    void namesTheRangeForTheLogs() throws UnknownHostException {
        assertThat(AddressClassifier.blockedRange(InetAddress.getByName("169.254.169.254"))).contains("link-local");
        assertThat(AddressClassifier.blockedRange(InetAddress.getByName("100.100.100.200"))).contains("carrier-grade NAT");
        assertThat(AddressClassifier.blockedRange(InetAddress.getByName("fd00::1"))).contains("unique local");
        assertThat(AddressClassifier.blockedRange(null)).isNotNull();
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
        assertThat(address).isInstanceOf(Inet6Address.class);
        return address;
    }
}
