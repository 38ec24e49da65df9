package io.simswarm.cli.results;

import static io.simswarm.cli.http.UrlParts.encode;

import io.simswarm.cli.CliException;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Reconnect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Downloads a campaign's {@code results.zip} from the results service and unpacks it into a folder, the way
 * OMNeT++ leaves a local {@code results/} folder. The archive holds that folder itself ({@code results/X.sca});
 * its content goes straight into the target folder, each file with the modification time of its entry (so that
 * {@code opp_scavetool} and the IDE find {@code .vci} indexes up to date). The archive is downloaded whole before
 * anything is unpacked, again from the start through an outage of the service, and is refused whole when an entry
 * would land outside the folder.
 */
public final class ResultsDownload {

    private static final String ARCHIVE_FOLDER = "results/";

    private ResultsDownload() {
    }

    /** Downloads and unpacks the campaign's files into {@code target}; returns how many files were written. */
    public static int into(ApiClient results, String campaignId, Path target, Reconnect reconnect,
            Reconnect.Listener listener) {
        Path root = target.toAbsolutePath().normalize();
        Path archive = null;
        try {
            Files.createDirectories(root);
            archive = Files.createTempFile(root.getParent(), ".simswarm-results-", ".zip");
            Path file = archive;
            reconnect.run(() -> results.download("/campaigns/" + encode(campaignId) + "/results.zip", file), listener);
            return unpack(archive, root);
        } catch (IOException e) {
            throw new CliException("writing the results into " + target + " failed: " + e.getMessage());
        } finally {
            deleteQuietly(archive);
        }
    }

    static int unpack(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Map<ZipEntry, Path> destinations = destinations(zip, root);
            List<Map.Entry<ZipEntry, Path>> folders = new ArrayList<>();
            int files = 0;
            for (Map.Entry<ZipEntry, Path> item : destinations.entrySet()) {
                ZipEntry entry = item.getKey();
                Path destination = item.getValue();
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    folders.add(item);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream content = zip.getInputStream(entry)) {
                    Files.copy(content, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                keepModificationTime(entry, destination);
                files++;
            }
            Collections.reverse(folders);
            for (Map.Entry<ZipEntry, Path> folder : folders) {
                keepModificationTime(folder.getKey(), folder.getValue());
            }
            return files;
        } catch (java.util.zip.ZipException e) {
            throw new CliException("the results service sent a damaged results archive (" + e.getMessage() + ")");
        }
    }

    /** Where each entry goes; refuses the whole archive if one would land outside {@code root}. */
    private static Map<ZipEntry, Path> destinations(ZipFile zip, Path root) {
        Map<ZipEntry, Path> destinations = new LinkedHashMap<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName().startsWith(ARCHIVE_FOLDER)
                    ? entry.getName().substring(ARCHIVE_FOLDER.length())
                    : entry.getName();
            Path destination = root.resolve(name).normalize();
            if (destination.equals(root) && entry.isDirectory()) {
                continue;
            }
            if (!destination.startsWith(root) || destination.equals(root)) {
                throw new CliException("the results archive has an entry outside the results folder: "
                        + entry.getName() + "; nothing was unpacked");
            }
            destinations.put(entry, destination);
        }
        return destinations;
    }

    private static void keepModificationTime(ZipEntry entry, Path destination) throws IOException {
        FileTime modified = entry.getLastModifiedTime();
        if (modified != null) {
            Files.setLastModifiedTime(destination, modified);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file in the results' parent folder is harmless
        }
    }
}
