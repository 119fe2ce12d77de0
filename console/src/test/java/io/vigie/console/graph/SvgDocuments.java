package io.vigie.console.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A chart read back as the XML document it is, for the charts' and pages' tests. */
public final class SvgDocuments {

  private SvgDocuments() {}

  public static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The rectangles of class {@code css}, in document order. */
  public static List<Element> rects(Document doc, String css) {
    NodeList all = doc.getElementsByTagName("rect");
    return IntStream.range(0, all.getLength())
        .mapToObj(i -> (Element) all.item(i))
        .filter(e -> css.equals(e.getAttribute("class")))
        .toList();
  }

  /** The text of the first element named {@code element} ({@code title}, {@code desc}). */
  public static String text(Document doc, String element) {
    return doc.getElementsByTagName(element).item(0).getTextContent();
  }
}
