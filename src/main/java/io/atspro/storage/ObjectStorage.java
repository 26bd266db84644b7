package io.atspro.storage;

import io.atspro.shared.ResourceNotFoundException;
import io.atspro.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The one façade over S3. Nothing else in ATSPro talks to it. Keys are namespaced per user. */
@ApplicationScoped
public class ObjectStorage {

    private static final Logger LOG = Logger.getLogger(ObjectStorage.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final StorageConfig config;

    ObjectStorage(S3Client s3, S3Presigner presigner, StorageConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
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

    /** The key prefix of everything a user owns. */
    public static String userPrefix(String userId) {
        return "users/" + userId + "/";
    }

    /** Streams a file from disk to S3. */
    public void put(String key, Path file, String contentType) {
        put(key, contentType, () -> RequestBody.fromFile(file));
    }

    public void put(String key, byte[] content, String contentType) {
        put(key, contentType, () -> RequestBody.fromBytes(content));
    }

    /** One write; a bucket not made yet (the start-up check runs beside the start) is made, then written again. */
    private void put(String key, String contentType, Supplier<RequestBody> body) {
        try {
            try {
                s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType), body.get());
            } catch (NoSuchBucketException e) {
                ensureBucket();
                s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType), body.get());
            }
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
    }

    /** Opens an object for reading; the caller closes the stream. */
    public InputStream open(String key) {
        try {
            return s3.getObject(b -> b.bucket(config.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw new ResourceNotFoundException("File");
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
    }

    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
    }

    /** Deletes an object whose row did not make it; a failure leaves it for the retention job's orphan sweep. */
    public void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
        } catch (SdkException e) {
            LOG.warnf("Could not delete %s (the orphan sweep will): %s", key, e.getMessage());
        }
    }

    /**
     * A short-lived GET link that downloads the object under {@code filename}. The object is looked at first:
     * signing is local, and a link to a missing object or an unreachable store would only fail at the client.
     */
    public URI presignedDownload(String key, String filename, Duration ttl) {
        try {
            s3.headObject(b -> b.bucket(config.bucket()).key(key));
        } catch (NoSuchKeyException e) {
            throw new ResourceNotFoundException("File");
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
        try {
            String disposition = "attachment; filename=\"" + filename.replace("\"", "") + "\"";
            return URI.create(presigner.presignGetObject(p -> p.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(config.bucket()).key(key).responseContentDisposition(disposition)))
                    .url().toString());
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
    }

    /** The keys under a prefix. */
    public List<String> keys(String prefix) {
        try {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(config.bucket()).prefix(prefix).build())
                    .contents().stream().map(S3Object::key).forEach(keys::add);
            return keys;
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
    }

    /** An object of the bucket: its key and when it was last written. */
    public record StoredObject(String key, Instant lastModified) {
    }

    /** One page of a listing; {@code nextToken} is null after the last page. */
    public record Listing(List<StoredObject> objects, String nextToken) {
    }

    /** A page of at most {@code max} objects under {@code prefix}, in key order; pass the previous page's token. */
    public Listing list(String prefix, String continuationToken, int max) {
        try {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(config.bucket())
                    .prefix(prefix).maxKeys(max).continuationToken(continuationToken).build());
            List<StoredObject> objects = page.contents().stream()
                    .map(o -> new StoredObject(o.key(), o.lastModified())).toList();
            return new Listing(objects, Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
        } catch (SdkException e) {
            throw new ServiceUnavailableException("File storage is unavailable; retry shortly", e);
        }
    }
}
