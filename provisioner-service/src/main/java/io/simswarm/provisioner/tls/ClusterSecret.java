package io.simswarm.provisioner.tls;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cluster's certificates, with its private keys encrypted by {@link SecretCipher}. */
@Entity
@Table(name = "cluster_secret")
public class ClusterSecret extends PanacheEntityBase {

    @Id
    public String cluster;

    @Column(name = "ca_cert_pem")
    public String caCertPem;

    @Column(name = "ca_key_enc")
    public String caKeyEnc;

    @Column(name = "client_cert_pem")
    public String clientCertPem;

    @Column(name = "client_key_enc")
    public String clientKeyEnc;

    @Column(name = "server_cert_pem")
    public String serverCertPem;

    /** Private key of the cluster's EC2 key pair, when one was made. */
    @Column(name = "ssh_key_enc")
    public String sshKeyEnc;

    @Override
    public String toString() {
        return "ClusterSecret[" + cluster + "]";
    }
}
