package io.vigie.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks a distribution zip whose entries all sit under one top-level directory. */
final class Archives {

  /**
   * Unpacks {@code zip} into {@code parent}, unless already done, and returns the top-level
   * directory. It is unpacked beside its final place and then renamed, so an interrupted unpack is
   * redone rather than half-used. The zip format as read by the JDK carries no file modes: shell
   * scripts are made executable.
   */
  static Path unpackOnce(Path zip, Path parent) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      String top = topDirectory(archive);
      Path target = parent.resolve(top);
      if (Files.isDirectory(target)) {
        return target;
      }
      Log.info("unpacking " + zip.getFileName() + " into " + target);
      Path partial = parent.resolve(top + ".partial");
      deleteRecursively(partial);
      Files.createDirectories(partial);
      Enumeration<? extends ZipEntry> entries = archive.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path destination = partial.resolve(entry.getName().substring(top.length() + 1)).normalize();
        if (!destination.startsWith(partial)) {
          throw new IOException("entry outside the archive's directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
          continue;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
          Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        if (entry.getName().endsWith(".sh")) {
          destination.toFile().setExecutable(true, false);
        }
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        deleteRecursively(partial); // unpacked concurrently: keep the first one
      }
      return target;
    }
  }

  private static String topDirectory(ZipFile archive) throws IOException {
    String top = null;
    Enumeration<? extends ZipEntry> entries = archive.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      int slash = name.indexOf('/');
      String first = slash < 0 ? name : name.substring(0, slash);
      if (slash < 0 || (top != null && !top.equals(first))) {
        throw new IOException(archive.getName() + " does not have a single top-level directory");
      }
      top = first;
    }
    if (top == null) {
      throw new IOException(archive.getName() + " is empty");
    }
    return top;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }

  private Archives() {}
}
