#include "facade_common/log_time.h"

#include <date/date.h>

namespace oofgate::facade {
namespace {

void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

std::string log_timestamp(std::chrono::system_clock::time_point now) {
  const auto micros = std::chrono::floor<std::chrono::microseconds>(now);
  const auto day = std::chrono::floor<date::days>(micros);
  const date::year_month_day ymd{day};
  const auto since_midnight = micros - day;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_midnight).count();
  char out[27];
  put_digits(out, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  out[4] = '-';
  put_digits(out + 5, static_cast<unsigned>(ymd.month()), 2);
  out[7] = '-';
  put_digits(out + 8, static_cast<unsigned>(ymd.day()), 2);
  out[10] = 'T';
  put_digits(out + 11, static_cast<unsigned>(seconds / 3600), 2);
  out[13] = ':';
  put_digits(out + 14, static_cast<unsigned>(seconds / 60 % 60), 2);
  out[16] = ':';
  put_digits(out + 17, static_cast<unsigned>(seconds % 60), 2);
  out[19] = '.';
  put_digits(out + 20, static_cast<unsigned>(since_midnight.count() % 1000000), 6);
  out[26] = 'Z';
  return std::string(out, sizeof out);
}

}  // namespace oofgate::facade
