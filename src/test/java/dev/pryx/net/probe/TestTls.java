package dev.pryx.net.probe;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A self-signed certificate made in memory (no keytool, no files), for a TLS server in tests.
 * Bouncy Castle's ASN.1 classes lay out the certificate; the JDK makes the key and the signature.
 */
final class TestTls {
    private static final char[] PASSWORD = "test".toCharArray();

    private final X509Certificate certificate;
    private final KeyPair keys;

    private TestTls(X509Certificate certificate, KeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
    }

    /** A P-256 certificate for {@code dnsName} and 127.0.0.1, valid from an hour ago for a day. */
    static TestTls selfSigned(String dnsName) throws Exception {
        return selfSigned(dnsName, true);
    }

    /** As {@link #selfSigned(String)}, with or without 127.0.0.1 among its names. */
    static TestTls selfSigned(String dnsName, boolean loopbackIp) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair keys = g.generateKeyPair();
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        X500Name name = new X500Name("CN=" + dnsName);
        Instant now = Instant.now();

        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(now.toEpochMilli())));
        tbs.setSignature(algorithm);
        tbs.setIssuer(name);
        tbs.setSubject(name);
        tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofHours(1)))));
        tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(1)))));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        GeneralNames names = new GeneralNames(loopbackIp
                ? new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}
                : new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName)});
        tbs.setExtensions(new Extensions(new Extension(Extension.subjectAlternativeName, false, new DEROctetString(names))));
        TBSCertificate body = tbs.generateTBSCertificate();

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(body.getEncoded());
        byte[] der = new DERSequence(new ASN1Encodable[] {body, algorithm, new DERBitString(signer.sign())}).getEncoded();
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new TestTls(cert, keys);
    }

    /** For the server: presents this certificate. */
    SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** For a client that trusts this certificate alone. */
    X509TrustManager trustManager() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    SSLContext clientContext() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
        return context;
    }
}
