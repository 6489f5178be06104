#pragma once

#include <cstddef>

namespace oofgate::soap {

// Untrusted-input limits on a SOAP request document: far above anything a UM client sends (an
// envelope of a handful of elements with a few xmlns declarations), far below what hurts one I/O
// thread. Every check is made in one linear pass right after parsing; a request beyond any limit
// is refused whole with a Client/Sender fault naming the limit.
struct XmlLimits {
  std::size_t max_depth = 32;                   // element nesting, the root element being level 1
  std::size_t max_elements = 1000;              // elements in the whole document
  std::size_t max_attributes_per_element = 64;  // attributes on one element, xmlns declarations included
  std::size_t max_total_attributes = 1000;      // attributes in the whole document
  std::size_t max_name_bytes = 256;             // one element or attribute name, prefix included
  std::size_t max_text_bytes = 65536;           // one attribute value or one run of character data
};

}  // namespace oofgate::soap
