package io.atspro.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The one façade over S3. Nothing else in ATSPro talks to it. */
@ApplicationScoped
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);

    private final S3Client s3;
    private final StorageConfig config;

    ObjectStorage(S3Client s3, StorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            ensureBucket();
        } catch (SdkException e) {
            // S3 being down must not keep the service from starting; readiness reports it.
            LOG.warnf("Bucket %s could not be checked at start: %s", config.bucket(), e.getMessage());
        }
    }

    /** Creates the bucket when it does not exist. */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(config.bucket()));
            LOG.infof("Created bucket %s", config.bucket());
        }
    }

    /** True when the bucket answers. */
    public boolean reachable() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }
}
