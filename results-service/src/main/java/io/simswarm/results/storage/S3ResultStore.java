package io.simswarm.results.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Result files in an S3 bucket: {@code PREFIX/CAMPAIGN/RUN/UPLOAD/...}. Uploads are unpacked into a local
 * staging folder and then written object by object under their own upload prefix; the switch to the new upload
 * happens in PostgreSQL, and the old prefix is deleted afterwards.
 */
public class S3ResultStore implements ResultStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final StagingArea staging;

    public S3ResultStore(S3Client s3, String bucket, String prefix, Path staging) throws IOException {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.staging = StagingArea.open(staging);
        ensureBucket();
    }

    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public Path newStagingFolder() throws IOException {
        return staging.newFolder();
    }

    @Override
    public void put(UploadLocation location, Path staged, List<String> paths) throws IOException {
        for (String path : paths) {
            s3.putObject(b -> b.bucket(bucket).key(key(location, path)), RequestBody.fromFile(staged.resolve(path)));
        }
        Folders.deleteTree(staged);
    }

    @Override
    public InputStream open(UploadLocation location, String path, long offset, long length) throws IOException {
        if (length == 0) {
            return new ByteArrayInputStream(new byte[0]);
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key(location, path));
        if (offset > 0 || length > 0) {
            request.range("bytes=" + offset + "-" + (length > 0 ? Long.toString(offset + length - 1) : ""));
        }
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(path);
        }
    }

    @Override
    public void delete(UploadLocation location) {
        String folder = prefix + location.prefix() + "/";
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(folder).build();
        for (var page : s3.listObjectsV2Paginator(request)) {
            List<ObjectIdentifier> keys = page.contents().stream().map(S3Object::key)
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            if (!keys.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(keys).build()));
            }
        }
    }

    @Override
    public void discard(Path staged) {
        Folders.deleteQuietly(staged);
    }

    String key(UploadLocation location, String path) {
        return prefix + location.prefix() + "/" + path;
    }
}
