package io.atspro.storage;

import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.PayloadTooLargeException;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.shared.UnsupportedContentException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Users' files: the bytes go to S3 first, then the row; when the row cannot be written the object is
 * deleted again, so neither is ever left without the other. Deleting goes the other way round.
 */
@ApplicationScoped
public class DocumentService {

    public static final List<String> KINDS = List.of("resume", "cover_letter", "portfolio", "other");

    private final DocumentRepository documents;
    private final ObjectStorage storage;
    private final StorageConfig config;
    private final Clock clock;

    DocumentService(DocumentRepository documents, ObjectStorage storage, StorageConfig config, Clock clock) {
        this.documents = documents;
        this.storage = storage;
        this.config = config;
        this.clock = clock;
    }

    /** Checks, hashes and streams an uploaded file to S3; no row yet. */
    public StoredFile store(String userId, Path upload, String filename) {
        long size = sizeOf(upload);
        if (size > config.maxUploadSize().asLongValue()) {
            throw new PayloadTooLargeException("The file is larger than " + config.maxUploadSize().asLongValue() / (1024 * 1024) + " MB");
        }
        if (size == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        String name = cleanFilename(filename);
        FileType type;
        try {
            type = ContentSniffer.sniff(upload, name).orElseThrow(() ->
                    new UnsupportedContentException("Only PDF, DOCX, plain text, Markdown and JSON files are accepted"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = ObjectStorage.userPrefix(userId) + "documents/" + UUID.randomUUID() + "." + type.extension();
        String sha256 = sha256(upload);
        storage.put(key, upload, type.mediaType());
        return new StoredFile(key, name, type, size, sha256);
    }

    /** Writes the row of a stored file, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentView register(String userId, StoredFile file, String kind, UUID resumeId) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.userId = userId;
        document.kind = kind;
        document.filename = file.filename();
        document.contentType = file.type().mediaType();
        document.sizeBytes = file.sizeBytes();
        document.sha256 = file.sha256();
        document.storageKey = file.storageKey();
        document.resumeId = resumeId;
        document.createdAt = clock.instant();
        document.updatedAt = document.createdAt;
        documents.persist(document);
        documents.flush();
        return DocumentView.of(document);
    }

    /**
     * The keys among {@code keys} that some row still points at. Documents are the only rows holding S3 keys
     * (resumes and generated content point at documents): a table that starts storing keys must be added here,
     * or the retention job's orphan sweep deletes its objects.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> referencedKeys(Collection<String> keys) {
        return documents.existingKeys(keys);
    }

    /** Removes a stored file whose row was not written. */
    public void discard(StoredFile file) {
        storage.deleteQuietly(file.storageKey());
    }

    /** Upload for the documents API: S3, then the row; the object goes again when the row fails. */
    public DocumentView upload(String userId, Path upload, String filename, String kind) {
        StoredFile file = store(userId, upload, filename);
        try {
            return QuarkusTransaction.requiringNew().call(() -> register(userId, file, kind, null));
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DocumentView> list(String userId, String kind, UUID resumeId, PageRequest page) {
        return documents.pageOwned(userId, kind, resumeId, page).map(DocumentView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DocumentView get(String userId, UUID id) {
        return DocumentView.of(owned(userId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DownloadLink downloadLink(String userId, UUID id) {
        Document document = owned(userId, id);
        return new DownloadLink(storage.presignedDownload(document.storageKey, document.filename, config.downloadLinkTtl()),
                clock.instant().plus(config.downloadLinkTtl()));
    }

    /** Opens a document's bytes (for parsing); the caller closes the stream. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InputStream open(String userId, UUID id) {
        return storage.open(owned(userId, id).storageKey);
    }

    /** Deletes the row, then, once that committed, the object. */
    public void delete(String userId, UUID id) {
        String key = QuarkusTransaction.requiringNew().call(() -> {
            Document document = owned(userId, id);
            documents.delete(document);
            return document.storageKey;
        });
        storage.deleteQuietly(key);
    }

    /** Deletes the rows of a resume's files in the caller's transaction; returns their keys to delete after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> deleteRowsOfResume(String userId, UUID resumeId) {
        List<Document> files = documents.findByResume(userId, resumeId);
        files.forEach(documents::delete);
        return files.stream().map(d -> d.storageKey).toList();
    }

    public void deleteObjects(List<String> keys) {
        keys.forEach(storage::deleteQuietly);
    }

    /** The stored type of a document of the user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FileType typeOf(String userId, UUID id) {
        return FileType.ofMediaType(owned(userId, id).contentType);
    }

    private Document owned(String userId, UUID id) {
        return documents.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Document"));
    }

    static String cleanFilename(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
