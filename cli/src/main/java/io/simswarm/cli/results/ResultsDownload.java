package io.simswarm.cli.results;

import io.simswarm.cli.CliException;
import io.simswarm.cli.http.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Downloads a campaign's {@code results.zip} from the results service and unpacks it into a folder, the way
 * OMNeT++ leaves a local {@code results/} folder. The archive holds that folder itself ({@code results/X.sca});
 * its content goes straight into the target folder. Entries that would land outside the folder are refused.
 */
public final class ResultsDownload {

    private ResultsDownload() {
    }

    /** Unpacks the campaign's files into {@code target}; returns how many files were written. */
    private static final String ARCHIVE_FOLDER = "results/";

    public static int into(ApiClient results, String campaignId, Path target) {
        try (InputStream body = results.stream("/campaigns/" + campaignId + "/results.zip")) {
            return unpack(body, target);
        } catch (IOException e) {
            throw new CliException("downloading the results into " + target + " failed: " + e.getMessage());
        }
    }

    static int unpack(InputStream zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        int files = 0;
        try (ZipInputStream entries = new ZipInputStream(zip)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName().startsWith(ARCHIVE_FOLDER)
                        ? entry.getName().substring(ARCHIVE_FOLDER.length())
                        : entry.getName();
                Path destination = root.resolve(name).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new CliException("the results archive has an entry outside the results folder: "
                            + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                files++;
            }
        }
        return files;
    }
}
