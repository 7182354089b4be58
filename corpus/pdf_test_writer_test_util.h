// Test support: writes a small valid PDF (Helvetica text, one content stream per page, an
// Info dictionary) so the PDF reader's tests need no tool to make their input.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace archive::corpus::test {

// Each page is a list of lines; an empty list makes a blank page.
inline std::string MakePdf(const std::vector<std::vector<std::string>>& pages,
                           const std::string& title = "", const std::string& created = "") {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string kids;
  for (const auto& lines : pages) {
    std::string stream = "BT /F1 12 Tf 72 720 Td 16 TL\n";
    for (const std::string& line : lines) stream += "(" + line + ") Tj T*\n";
    stream += "ET";
    const size_t page_object = objects.size() + 1;
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
        "/Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(page_object + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                      "\nendstream");
    kids += std::to_string(page_object) + " 0 R ";
  }
  objects[1] =
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  objects.push_back("<< /Title (" + title + ")" +
                    (created.empty() ? "" : " /CreationDate (D:" + created + ")") + " >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info " +
         std::to_string(objects.size()) + " 0 R >>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return pdf;
}

}  // namespace archive::corpus::test
