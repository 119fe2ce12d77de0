package io.vigie.ticket.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two texts, line by line: unchanged lines prefixed with two spaces, removed
 * ones with {@code "- "}, added ones with {@code "+ "} (a longest common subsequence, so a moved
 * paragraph shows as removed and added). Beyond {@link #MAX_LINES} lines on either side the diff is
 * the whole old text removed and the new one added, to bound the work.
 */
public final class RevisionDiff {

  static final int MAX_LINES = 3_000;

  private RevisionDiff() {}

  /** The diff of {@code before} to {@code after}; empty when they are equal. */
  public static String of(String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    List<String> out = new ArrayList<>();
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      for (String line : a) {
        out.add("- " + line);
      }
      for (String line : b) {
        out.add("+ " + line);
      }
      return String.join("\n", out);
    }
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] =
            a[i].equals(b[j])
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        out.add("  " + a[i]);
        i++;
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        out.add("- " + a[i++]);
      } else {
        out.add("+ " + b[j++]);
      }
    }
    while (i < a.length) {
      out.add("- " + a[i++]);
    }
    while (j < b.length) {
      out.add("+ " + b[j++]);
    }
    return String.join("\n", out);
  }
}
