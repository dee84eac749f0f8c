package org.khaldun.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns command-line inputs into articles, lazily and in input order.
 *
 * <p>Each argument is a file, a folder (read recursively, entries in name order so runs are repeatable)
 * or {@code -} for standard input. Hidden files and folders (name starting with '.') inside a folder are
 * skipped. Memory stays bounded whatever the input size: files are read one at a time, JSON lines one line
 * at a time, and a record over the size limit is skipped while it streams past, never held.
 *
 * <p>Every record gives exactly one {@link ReadResult}: {@code Ok} with the article, or {@code Failed}
 * naming the record ({@code path}, {@code path:line}, {@code stdin}) and what is wrong with it. No input
 * error escapes as an exception and none stops the other records.
 *
 * <p>Security: inside a folder argument, a symbolic link whose target lies outside that folder is refused
 * with a per-record error, so a crafted folder cannot make Khaldun read (and echo into its output) files
 * elsewhere on the machine. Symbolic links to folders are not followed even inside the root (their target
 * is read where it really is, or refused). A file or folder named directly as an argument is trusted.
 *
 * <p>Ids: see {@link #read(List, ReadOptions, InputStream)}.
 */
public final class ArticleSources {

    /** The argument that means standard input. */
    public static final String STDIN = "-";

    /** How the standard-input record is named in results. */
    public static final String STDIN_RECORD = "stdin";

    private static final int SNIFF_BYTES = 512;

    /** How far into a markup file to look for a feed's root element (after an XML declaration and comments). */
    private static final int FEED_SNIFF_BYTES = 2048;

    private ArticleSources() {
    }

    /** {@link #read(List, ReadOptions, InputStream)} with {@code System.in} for {@code -}. */
    public static Stream<ReadResult> read(List<String> arguments, ReadOptions options) {
        return read(arguments, options, System.in);
    }

    /**
     * A lazy stream of one result per record, in argument order (folders in name order, depth first).
     * Close the stream to close any file still open; standard input is never closed.
     *
     * <p>Article ids are stable across runs: a JSON line's own {@code id}; for a file inside a folder
     * argument, its path relative to that folder without the extension ({@code world/2024/iraq-talks}),
     * keeping the extension when two files of one folder share a name stem; for a file named directly, its
     * file name without extension; for standard input {@code stdin-} and the first 12 hex digits of the
     * SHA-256 of its bytes. A JSON line without {@code id} gets the file's id, a colon and the line number
     * ({@code feed:17}; {@code stdin:17} on standard input).
     *
     * @param arguments files, folders, or {@code -}
     * @param stdin     what {@code -} reads
     */
    public static Stream<ReadResult> read(List<String> arguments, ReadOptions options, InputStream stdin) {
        Reading reading = new Reading(List.copyOf(arguments), Objects.requireNonNull(options),
                Objects.requireNonNull(stdin));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reading,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(reading::close);
    }

    /** One folder being listed: its entries in name order, and which of them need their extension in ids. */
    private record Listing(Iterator<Path> entries, Set<Path> keepExtension) {
    }

    /** A folder argument being walked depth first. */
    private static final class Walk {
        final Path root;
        final Path realRoot;
        final String display;
        final Deque<Listing> stack = new ArrayDeque<>();

        Walk(Path root, Path realRoot, String display) {
            this.root = root;
            this.realRoot = realRoot;
            this.display = display;
        }
    }

    private static final class Reading implements Iterator<ReadResult>, AutoCloseable {
        private final Iterator<String> arguments;
        private final ReadOptions options;
        private final InputStream stdin;
        private Walk walk;
        private JsonLines lines;
        private Iterator<ReadResult> feedItems;
        private ReadResult pending;
        private boolean closed;

        Reading(List<String> arguments, ReadOptions options, InputStream stdin) {
            this.arguments = arguments.iterator();
            this.options = options;
            this.stdin = stdin;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !closed) {
                pending = advance();
            }
            return pending != null;
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadResult r = pending;
            pending = null;
            return r;
        }

        @Override
        public void close() {
            closed = true;
            pending = null;
            if (lines != null) {
                lines.close();
                lines = null;
            }
            walk = null;
        }

        private ReadResult advance() {
            while (true) {
                if (feedItems != null) {
                    if (feedItems.hasNext()) {
                        return feedItems.next();
                    }
                    feedItems = null;
                }
                if (lines != null) {
                    ReadResult r = lines.next();
                    if (r != null) {
                        return r;
                    }
                    lines.close();
                    lines = null;
                }
                if (walk != null) {
                    ReadResult r = stepWalk();
                    if (r != null) {
                        return r;
                    }
                    continue;
                }
                if (!arguments.hasNext()) {
                    return null;
                }
                ReadResult r = startArgument(arguments.next());
                if (r != null) {
                    return r;
                }
            }
        }

        /** Result of the argument when it is one record; null when it opened a walk or a JSON-lines source. */
        private ReadResult startArgument(String argument) {
            if (argument.equals(STDIN)) {
                return readStdin();
            }
            String display = argument.length() > 1 && (argument.endsWith("/") || argument.endsWith("\\"))
                    ? argument.substring(0, argument.length() - 1) : argument;
            Path path;
            try {
                path = Paths.get(argument);
            } catch (RuntimeException e) {
                return new ReadResult.Failed(display, "not a valid path");
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                return new ReadResult.Failed(display, describe(e));
            }
            if (attrs.isDirectory()) {
                try {
                    walk = new Walk(path, path.toRealPath(), display);
                    walk.stack.push(list(path));
                } catch (IOException e) {
                    walk = null;
                    return new ReadResult.Failed(display, "cannot read folder: " + describe(e));
                }
                return null;
            }
            String fileName = path.getFileName() == null ? argument : path.getFileName().toString();
            return readFile(path, display, stem(fileName), attrs.isRegularFile() ? attrs.size() : -1);
        }

        private Listing list(Path dir) throws IOException {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        entries.add(p);
                    }
                }
            } catch (UncheckedIOException | java.nio.file.DirectoryIteratorException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e);
            }
            entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            Map<String, Integer> stems = new HashMap<>();
            for (Path p : entries) {
                stems.merge(stem(p.getFileName().toString()), 1, Integer::sum);
            }
            Set<Path> keep = new HashSet<>();
            for (Path p : entries) {
                if (stems.get(stem(p.getFileName().toString())) > 1) {
                    keep.add(p);
                }
            }
            return new Listing(entries.iterator(), keep);
        }

        /** The next record of the folder walk, or null when this step only descended or the walk ended. */
        private ReadResult stepWalk() {
            Listing top = walk.stack.peek();
            if (top == null) {
                walk = null;
                return null;
            }
            if (!top.entries().hasNext()) {
                walk.stack.pop();
                return null;
            }
            Path entry = top.entries().next();
            String relative = walk.root.relativize(entry).toString().replace('\\', '/');
            String display = walk.display.equals("/") ? "/" + relative : walk.display + "/" + relative;
            String id = top.keepExtension().contains(entry) ? relative : stemOfPath(relative);
            try {
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isSymbolicLink()) {
                    Path real;
                    try {
                        real = entry.toRealPath();
                    } catch (NoSuchFileException e) {
                        return new ReadResult.Failed(display, "broken symbolic link");
                    }
                    if (!real.startsWith(walk.realRoot)) {
                        return new ReadResult.Failed(display,
                                "refused: symbolic link leads outside the folder " + walk.display);
                    }
                    attrs = Files.readAttributes(real, BasicFileAttributes.class);
                    if (attrs.isDirectory()) {
                        return null; // the folder itself is read where it lies inside the root
                    }
                }
                if (attrs.isDirectory()) {
                    try {
                        walk.stack.push(list(entry));
                    } catch (IOException e) {
                        return new ReadResult.Failed(display, "cannot read folder: " + describe(e));
                    }
                    return null;
                }
                if (!attrs.isRegularFile()) {
                    return new ReadResult.Failed(display, "not a regular file (device, pipe or socket): skipped");
                }
                return readFile(entry, display, id, attrs.size());
            } catch (IOException e) {
                return new ReadResult.Failed(display, describe(e));
            }
        }

        /** One file: a TEXT or HTML article, or the first line of a JSON-lines file (null if it has none). */
        private ReadResult readFile(Path path, String display, String id, long size) {
            InputStream in = null;
            try {
                in = new BufferedInputStream(Files.newInputStream(path), 65_536);
                InputFormat format = format(path.getFileName() == null ? "" : path.getFileName().toString(), in);
                if (format == InputFormat.JSONL) {
                    lines = new JsonLines(in, true, display, id, options);
                    in = null; // now owned by the JSON-lines source
                    return null;
                }
                long limit = format == InputFormat.TEXT ? options.maxArticleBytes() : options.maxHtmlBytes();
                if (size > limit) {
                    return new ReadResult.Failed(display, tooLarge("file", size, limit, format));
                }
                byte[] bytes = readBounded(in, limit, format);
                if (format == InputFormat.FEED) {
                    return startFeed(display, id, bytes);
                }
                return article(display, id, bytes, format);
            } catch (BadInputException e) {
                return new ReadResult.Failed(display, e.reason());
            } catch (IOException e) {
                return new ReadResult.Failed(display, describe(e));
            } finally {
                closeQuietly(in);
            }
        }

        private ReadResult readStdin() {
            InputStream in = stdin.markSupported() ? stdin : new BufferedInputStream(stdin, 65_536);
            try {
                InputFormat format = format("", in);
                if (format == InputFormat.JSONL) {
                    lines = new JsonLines(in, false, STDIN_RECORD, STDIN_RECORD, options);
                    return null;
                }
                long limit = format == InputFormat.TEXT ? options.maxArticleBytes() : options.maxHtmlBytes();
                byte[] bytes = readBounded(in, limit, format);
                String id = "stdin-" + HexFormat.of().formatHex(sha256(bytes)).substring(0, 12);
                if (format == InputFormat.FEED) {
                    return startFeed(STDIN_RECORD, id, bytes);
                }
                return article(STDIN_RECORD, id, bytes, format);
            } catch (BadInputException e) {
                return new ReadResult.Failed(STDIN_RECORD, e.reason());
            } catch (IOException e) {
                return new ReadResult.Failed(STDIN_RECORD, describe(e));
            }
        }

        private InputFormat format(String fileName, InputStream in) throws IOException {
            if (options.format().isPresent()) {
                return options.format().get();
            }
            var byName = InputFormat.fromFileName(fileName);
            if (byName.isPresent()) {
                return byName.get();
            }
            // byte by byte up to the first non-blank one, so a pipe is not read further than needed
            in.mark(SNIFF_BYTES);
            byte[] head = new byte[SNIFF_BYTES];
            int n = 0;
            while (n < SNIFF_BYTES) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head[n++] = (byte) b;
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b < 0x80) {
                    break;
                }
            }
            in.reset();
            InputFormat sniffed = InputFormat.sniff(head, n);
            if (sniffed == InputFormat.HTML) {
                // markup: a feed announces itself by its root element within the first bytes
                in.mark(FEED_SNIFF_BYTES);
                byte[] more = in.readNBytes(FEED_SNIFF_BYTES);
                in.reset();
                if (FeedArticles.looksLikeFeed(more, more.length)) {
                    return InputFormat.FEED;
                }
            }
            return sniffed;
        }

        /** Queues the items of a feed file; returns null (the items follow) or the failure of the whole file. */
        private ReadResult startFeed(String record, String id, byte[] bytes) {
            try {
                Charset declared = HtmlArticles.declaredCharset(bytes, bytes.length);
                String xml = Decoding.decode(bytes, bytes.length, 0, declared);
                feedItems = FeedArticles.parse(record, id, xml, options).iterator();
                return null;
            } catch (BadInputException e) {
                return new ReadResult.Failed(record, e.reason());
            } catch (RuntimeException | StackOverflowError e) {
                return new ReadResult.Failed(record, "could not be read (" + e + ")");
            }
        }

        private ReadResult article(String record, String id, byte[] bytes, InputFormat format) {
            try {
                Article article;
                if (format == InputFormat.HTML) {
                    Charset declared = HtmlArticles.declaredCharset(bytes, bytes.length);
                    String html = Decoding.decode(bytes, bytes.length, 0, declared);
                    article = HtmlArticles.parse(id, html, "", options);
                } else {
                    article = TextArticles.parse(id, Decoding.decode(bytes, bytes.length, 0), options);
                }
                return ok(record, article, options);
            } catch (BadInputException e) {
                return new ReadResult.Failed(record, e.reason());
            } catch (RuntimeException | StackOverflowError e) {
                return new ReadResult.Failed(record, "could not be read (" + e + ")");
            }
        }
    }

    static ReadResult ok(String record, Article article, ReadOptions options) {
        return new ReadResult.Ok(record, options.markDebris() ? DebrisMarker.standard().mark(article) : article);
    }

    /** Reads at most {@code limit} bytes; more means the record is too large (the rest is not read). */
    private static byte[] readBounded(InputStream in, long limit, InputFormat format)
            throws IOException, BadInputException {
        byte[] bytes = in.readNBytes((int) Math.min(limit + 1, ReadOptions.MAX_LIMIT));
        if (bytes.length > limit) {
            throw new BadInputException("input is larger than the limit of " + Decoding.size(limit) + " per "
                    + unit(format));
        }
        return bytes;
    }

    static String tooLarge(String what, long size, long limit, InputFormat format) {
        return what + " is " + Decoding.size(size) + ", over the limit of " + Decoding.size(limit) + " per "
                + unit(format);
    }

    private static String unit(InputFormat format) {
        return format == InputFormat.HTML ? "HTML page" : format == InputFormat.FEED ? "feed" : "article";
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return "cannot read: " + fse.getReason();
        }
        return "cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String stemOfPath(String relative) {
        int slash = relative.lastIndexOf('/');
        return relative.substring(0, slash + 1) + stem(relative.substring(slash + 1));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was written; a failing close loses nothing
            }
        }
    }
}
