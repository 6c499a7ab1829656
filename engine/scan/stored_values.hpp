#pragma once
// The normalised values a dataset's records had after the last scan (canonical_values), held
// as hashes while a full scan reads the dataset: a value the row pass finds unchanged is not
// staged or written again, and the stored values it did not find again (records gone, values
// changed or now defective) are deleted by their row address. A nightly scan of a table that
// did not change then writes nothing. About 24 bytes per stored value. Pure: no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiaohe::engine::scan {

// FNV-1a, 64 bits: identities of texts for comparisons in memory.
std::uint64_t text_hash(std::string_view s, std::uint64_t h = 1469598103934665603ULL);

class StoredValues {
 public:
  // One COPY text line of (ctid, record_key, attribute, subject_id, value); call sort() after
  // the last one.
  void add(std::string_view copy_line);
  void sort();

  // Whether the record's value of the attribute is stored with this subject and value; if so
  // it counts as found again.
  bool unchanged(std::string_view record_key, std::string_view attribute, std::string_view subject,
                 std::string_view value);
  // The record's stored value of the attribute must go (its record key turned out to be shared
  // or blank: its rows get new identities, and their values are staged under those).
  void forget(std::string_view record_key, std::string_view attribute);

  // Row addresses (ctid text) of the stored values not found again.
  std::vector<std::string> gone() const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t key;    // record key and attribute
    std::uint64_t value;  // subject and value
    std::uint32_t block;
    std::uint16_t offset;
    bool found;
  };
  std::vector<Entry> entries_;
  std::string scratch_;
  std::vector<std::optional<std::string_view>> fields_;
};

}  // namespace jiaohe::engine::scan
