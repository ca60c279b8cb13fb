package dev.pryx.net;

import dev.pryx.support.PryxException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Certificates from a PEM file, trusted in addition to the JDK's own roots: a company's TLS
 * inspection proxy or internal CA signs certificates no public root does, and replacing the
 * default trust instead would break every public provider.
 *
 * <p>The file is read in full when the bundle is made, and every problem is a usage error that
 * names the file: missing, unreadable, too large, empty, DER instead of PEM, a block cut short, a
 * damaged certificate. Text outside the {@code -----BEGIN CERTIFICATE-----} blocks (the comments
 * of distribution bundles) and other block types are ignored.
 */
public final class CaBundle {
    /** Distribution bundles of every public root are about 200 KiB; anything this large is the wrong file. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private final Path file;
    private final List<X509Certificate> certificates;

    private CaBundle(Path file, List<X509Certificate> certificates) {
        this.file = file;
        this.certificates = certificates;
    }

    /** Reads every certificate of a PEM file; a usage error naming the file when it cannot serve as a bundle. */
    public static CaBundle read(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw problem(file, "is a directory, not a PEM file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw problem(file, "is larger than 10 MiB, far too large for a bundle of CA certificates");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problem(file, "does not exist");
        } catch (AccessDeniedException e) {
            throw problem(file, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return new CaBundle(file, List.copyOf(parse(file, bytes)));
    }

    public Path file() {
        return file;
    }

    /** In the order of the file; never empty. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * One trust manager that trusts the JDK's default roots (including a {@code javax.net.ssl.trustStore}
     * the user set) and this bundle's certificates alike. One PKIX manager over one store, rather
     * than two managers asked in turn: the JDK's manager keeps its checks (algorithm constraints,
     * endpoint identification) and a chain may mix both kinds of anchor.
     */
    X509TrustManager trustManager() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate root : jdkTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, root);
            }
            for (X509Certificate extra : certificates) {
                store.setCertificateEntry("bundle-" + n++, extra);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return x509(factory.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK's default trust store and PKIX are always there", e);
        }
    }

    /** A TLS context that trusts what {@code trustManager} trusts. */
    static SSLContext sslContext(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
    }

    static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("the default TrustManagerFactory made no X509TrustManager");
    }

    private static List<X509Certificate> parse(Path file, byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw problem(file, "is empty");
        }
        // PEM is ASCII; Latin-1 maps every byte to one char, so a stray binary byte cannot fail decoding.
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n|\r");
        List<X509Certificate> out = new ArrayList<>();
        StringBuilder body = null;
        String otherEnd = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (otherEnd != null) {
                if (line.equals(otherEnd)) {
                    otherEnd = null;
                }
            } else if (body != null) {
                if (line.equals(END)) {
                    out.add(certificate(file, out.size() + 1, body.toString()));
                    body = null;
                } else if (line.startsWith("-----")) {
                    throw problem(file, "has a certificate (number " + (out.size() + 1) + ") without its " + END + " line");
                } else {
                    body.append(line);
                }
            } else if (line.equals(BEGIN)) {
                body = new StringBuilder();
            } else if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                otherEnd = "-----END " + line.substring("-----BEGIN ".length());
            }
        }
        if (body != null) {
            throw problem(file, "has a certificate (number " + (out.size() + 1) + ") without its " + END + " line");
        }
        if (out.isEmpty()) {
            if ((bytes[0] & 0xff) == 0x30) {
                throw problem(file, "is a DER (binary) certificate, not PEM; convert it with "
                        + "'openssl x509 -inform der -in " + file.getFileName() + " -out ca.pem'");
            }
            throw problem(file, "holds no certificate: a PEM bundle has one or more " + BEGIN + " blocks");
        }
        return out;
    }

    private static X509Certificate certificate(Path file, int number, String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw problem(file, "has a damaged certificate (number " + number + "): it is not a valid X.509 certificate");
        }
    }

    private static PryxException problem(Path file, String what) {
        return new PryxException(PryxException.Kind.USAGE, "The CA bundle " + file + " " + what + ".");
    }
}
