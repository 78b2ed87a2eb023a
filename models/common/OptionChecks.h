// Boost.Program_options reads "-1" given to an unsigned option as 2^64 - 1 (lexical_cast wraps),
// so "--max-frames -1" would silently mean "everything". Every tool checks its parsed command
// line with this before using it.
#pragma once
#include <cctype>
#include <string>
#include <typeinfo>

#include <boost/program_options.hpp>

namespace wtm {

// Throws boost::program_options::error naming the option when an unsigned option got a
// negative number.
inline void rejectNegativeUnsigned(const boost::program_options::parsed_options& parsed) {
  namespace po = boost::program_options;
  if (!parsed.description) return;
  for (const po::option& o : parsed.options) {
    const po::option_description* d = parsed.description->find_nothrow(o.string_key, false);
    if (!d) continue;
    const auto* typed = dynamic_cast<const po::typed_value_base*>(d->semantic().get());
    if (!typed) continue;
    const std::type_info& t = typed->value_type();
    const bool isUnsigned = t == typeid(unsigned) || t == typeid(unsigned long) || t == typeid(unsigned long long) ||
                            t == typeid(unsigned short);
    if (!isUnsigned) continue;
    for (const std::string& v : o.value) {
      std::size_t i = v.find_first_not_of(" \t");
      if (i != std::string::npos && v[i] == '-')
        throw po::error("the argument ('" + v + "') for option '--" + o.string_key +
                        "' is invalid: it cannot be negative");
    }
  }
}

}  // namespace wtm
