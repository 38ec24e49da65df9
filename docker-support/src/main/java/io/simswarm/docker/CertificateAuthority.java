package io.simswarm.docker;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the certificates of one cluster's Docker API: a CA of its own, a server certificate for the manager (valid
 * for the manager's public address and loopback) and a client certificate for SimSwarm's services. Keys are EC P-256.
 */
public final class CertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateAuthority() {
    }

    /** PEM certificates and keys of one cluster. */
    public record ClusterCertificates(String caCertPem, String caKeyPem, String serverCertPem, String serverKeyPem,
            String clientCertPem, String clientKeyPem) {

        public TlsMaterial clientMaterial() {
            return new TlsMaterial(caCertPem, clientCertPem, clientKeyPem);
        }
    }

    /** New certificates for cluster {@code cluster} whose manager answers at {@code serverAddresses} (IPs or names). */
    public static ClusterCertificates issue(String cluster, List<String> serverAddresses) {
        try {
            KeyPair ca = keyPair();
            X500Name caName = new X500Name("CN=SimSwarm cluster " + cluster + " CA");
            X509Certificate caCert = sign(caName, ca, caName, ca, builder -> {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            });
            KeyPair server = keyPair();
            X509Certificate serverCert = sign(new X500Name("CN=" + cluster + "-manager"), server, caName, ca,
                    builder -> {
                        leaf(builder, KeyPurposeId.id_kp_serverAuth);
                        builder.addExtension(Extension.subjectAlternativeName, false, names(serverAddresses));
                    });
            KeyPair client = keyPair();
            X509Certificate clientCert = sign(new X500Name("CN=simswarm-client"), client, caName, ca,
                    builder -> leaf(builder, KeyPurposeId.id_kp_clientAuth));
            return new ClusterCertificates(pem(caCert), pem(pkcs8(ca)), pem(serverCert), pem(pkcs8(server)),
                    pem(clientCert), pem(pkcs8(client)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the cluster certificates", e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            Extensions extensions) throws IOException, OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(96, RANDOM),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                subjectKeys.getPublic());
        extensions.add(builder);
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static void leaf(X509v3CertificateBuilder builder, KeyPurposeId purpose) throws IOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }

    private static GeneralNames names(List<String> addresses) {
        return new GeneralNames(addresses.stream()
                .map(address -> address.matches("[0-9.]+|.*:.*")
                        ? new GeneralName(GeneralName.iPAddress, address)
                        : new GeneralName(GeneralName.dNSName, address))
                .toArray(GeneralName[]::new));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** Private keys as PKCS#8 ("PRIVATE KEY"), which both dockerd and the JDK read. */
    private static Object pkcs8(KeyPair keys) throws PemGenerationException {
        return new JcaPKCS8Generator(keys.getPrivate(), null);
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
