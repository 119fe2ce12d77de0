package io.vigie.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {

  @TempDir Path dir;

  @Test
  void unpacksUnderItsTopDirectoryWithExecutableScripts() throws IOException {
    Path zip = zip("dist-1.0/bin/run.sh", "dist-1.0/lib/app.jar");

    Path home = Archives.unpackOnce(zip, dir.resolve("out"));

    assertThat(home).isEqualTo(dir.resolve("out/dist-1.0"));
    assertThat(home.resolve("bin/run.sh")).isExecutable().hasContent("dist-1.0/bin/run.sh");
    assertThat(home.resolve("lib/app.jar")).exists();
    assertThat(dir.resolve("out/dist-1.0.partial")).doesNotExist();
  }

  @Test
  void keepsAnExistingInstallation() throws IOException {
    Path zip = zip("dist-1.0/data/state");
    Path home = Archives.unpackOnce(zip, dir.resolve("out"));
    Files.writeString(home.resolve("data/state"), "changed at run time");

    Archives.unpackOnce(zip, dir.resolve("out"));

    assertThat(home.resolve("data/state")).hasContent("changed at run time");
  }

  @Test
  void refusesEntriesEscapingTheTarget() throws IOException {
    Path zip = zip("dist-1.0/../../evil");

    assertThatThrownBy(() -> Archives.unpackOnce(zip, dir.resolve("out")))
        .isInstanceOf(IOException.class);
    assertThat(dir.resolve("evil")).doesNotExist();
  }

  private Path zip(String... entries) throws IOException {
    Path zip = dir.resolve("dist.zip");
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (String entry : entries) {
        out.putNextEntry(new ZipEntry(entry));
        out.write(entry.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }
}
