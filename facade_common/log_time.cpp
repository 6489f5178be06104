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

char* write_log_timestamp(char* text, std::chrono::system_clock::time_point now) {
  const auto micros = std::chrono::floor<std::chrono::microseconds>(now);
  const auto day = std::chrono::floor<date::days>(micros);
  const date::year_month_day ymd{day};
  const auto since_midnight = micros - day;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_midnight).count();
  put_digits(text, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  text[4] = '-';
  put_digits(text + 5, static_cast<unsigned>(ymd.month()), 2);
  text[7] = '-';
  put_digits(text + 8, static_cast<unsigned>(ymd.day()), 2);
  text[10] = 'T';
  put_digits(text + 11, static_cast<unsigned>(seconds / 3600), 2);
  text[13] = ':';
  put_digits(text + 14, static_cast<unsigned>(seconds / 60 % 60), 2);
  text[16] = ':';
  put_digits(text + 17, static_cast<unsigned>(seconds % 60), 2);
  text[19] = '.';
  put_digits(text + 20, static_cast<unsigned>(since_midnight.count() % 1000000), 6);
  text[26] = 'Z';
  return text + kLogTimestampSize;
}

std::string log_timestamp(std::chrono::system_clock::time_point now) {
  char text[kLogTimestampSize];
  return std::string(text, write_log_timestamp(text, now));
}

}  // namespace oofgate::facade
