#include "core/store/settings_codec.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace oofgate::core {
namespace {

constexpr std::uint8_t kFormatVersion = 1;

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void i64(std::int64_t v) {
    for (int i = 0; i < 8; ++i) {
      u8(static_cast<std::uint8_t>(static_cast<std::uint64_t>(v) >> (8 * i)));
    }
  }
  void i32(std::int32_t v) { i64(v); }
  void boolean(bool v) { u8(v ? 1 : 0); }
  void string(const std::string& v) {
    i64(static_cast<std::int64_t>(v.size()));
    out_.append(v);
  }
  template <typename E>
  void enumeration(E v) {
    u8(static_cast<std::uint8_t>(v));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool failed() const { return failed_; }
  bool at_end() const { return pos_ == in_.size(); }
  void fail() { failed_ = true; }

  std::uint8_t u8() {
    if (pos_ >= in_.size()) {
      failed_ = true;
      return 0;
    }
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  std::int64_t i64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
      v |= static_cast<std::uint64_t>(u8()) << (8 * i);
    }
    return static_cast<std::int64_t>(v);
  }
  std::int32_t i32() {
    const std::int64_t v = i64();
    if (v < INT32_MIN || v > INT32_MAX) {
      failed_ = true;
    }
    return static_cast<std::int32_t>(v);
  }
  bool boolean() {
    const auto v = u8();
    if (v > 1) {
      failed_ = true;
    }
    return v == 1;
  }
  std::string string() {
    const std::int64_t size = i64();
    if (size < 0 || static_cast<std::uint64_t>(size) > in_.size() - pos_) {
      failed_ = true;
      return {};
    }
    std::string v(in_.substr(pos_, static_cast<std::size_t>(size)));
    pos_ += static_cast<std::size_t>(size);
    return v;
  }
  template <typename E>
  E enumeration(E last) {
    const auto v = u8();
    if (v > static_cast<std::uint8_t>(last)) {
      failed_ = true;
    }
    return static_cast<E>(v);
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool failed_ = false;
};

void write_dttz(Writer& w, const DateTimeTimeZone& v) {
  w.i64(v.local.time_since_epoch().count());
  w.string(v.time_zone);
}
DateTimeTimeZone read_dttz(Reader& r) {
  DateTimeTimeZone v;
  v.local = LocalDateTime{Ticks{r.i64()}};
  v.time_zone = r.string();
  return v;
}

void write_transition(Writer& w, const TimeZoneTransition& t) {
  w.i64(t.time.count());
  w.i32(t.day_occurrence);
  w.enumeration(t.day_of_week);
  w.i32(t.month);
  w.i32(t.year);
}
TimeZoneTransition read_transition(Reader& r) {
  TimeZoneTransition t;
  t.time = Ticks{r.i64()};
  t.day_occurrence = r.i32();
  t.day_of_week = r.enumeration(DayOfWeek::kSaturday);
  t.month = r.i32();
  t.year = r.i32();
  return t;
}

void write_working_hours(Writer& w, const WorkingHours& h) {
  w.i64(static_cast<std::int64_t>(h.days_of_week.size()));
  for (auto day : h.days_of_week) {
    w.enumeration(day);
  }
  w.i64(h.start_time.count());
  w.i64(h.end_time.count());
  if (const auto* named = std::get_if<NamedTimeZone>(&h.time_zone)) {
    w.u8(0);
    w.string(named->name);
  } else {
    const auto& custom = std::get<CustomTimeZone>(h.time_zone);
    w.u8(1);
    w.i32(custom.bias);
    w.string(custom.name);
    w.boolean(custom.standard_offset.has_value());
    if (custom.standard_offset) {
      write_transition(w, *custom.standard_offset);
    }
    w.boolean(custom.daylight_offset.has_value());
    if (custom.daylight_offset) {
      write_transition(w, custom.daylight_offset->transition);
      w.i32(custom.daylight_offset->daylight_bias);
    }
  }
}
WorkingHours read_working_hours(Reader& r) {
  WorkingHours h;
  const std::int64_t days = r.i64();
  if (days < 0 || days > kDaysInWeek) {
    r.fail();
    return h;
  }
  for (std::int64_t i = 0; i < days; ++i) {
    h.days_of_week.push_back(r.enumeration(DayOfWeek::kSaturday));
  }
  h.start_time = Ticks{r.i64()};
  h.end_time = Ticks{r.i64()};
  if (r.u8() == 0) {
    h.time_zone = NamedTimeZone{r.string()};
  } else {
    CustomTimeZone custom;
    custom.bias = r.i32();
    custom.name = r.string();
    if (r.boolean()) {
      custom.standard_offset = read_transition(r);
    }
    if (r.boolean()) {
      DaylightTransition daylight;
      daylight.transition = read_transition(r);
      daylight.daylight_bias = r.i32();
      custom.daylight_offset = daylight;
    }
    h.time_zone = std::move(custom);
  }
  return h;
}

}  // namespace

std::string encode_settings(const MailboxSettings& s) {
  Writer w;
  w.u8(kFormatVersion);
  const auto& ar = s.automatic_replies;
  w.enumeration(ar.state);
  w.enumeration(ar.external_audience);
  write_dttz(w, ar.scheduled_start);
  write_dttz(w, ar.scheduled_end);
  w.string(ar.internal_reply_message);
  w.string(ar.external_reply_message);
  w.string(s.time_zone);
  write_working_hours(w, s.working_hours);
  w.string(s.language.locale);
  w.string(s.language.display_name);
  w.string(s.date_format);
  w.string(s.time_format);
  w.enumeration(s.delegate_meeting_message_delivery);
  w.enumeration(s.user_purpose);
  w.string("");  // once the archive folder id, now derived from the owner; kept so old rows load
  w.boolean(s.um.missed_call_notification_enabled);
  w.string(s.um.play_on_phone_dial_string);
  w.string(s.um.telephone_access_numbers);
  w.string(s.um.telephone_access_folder_email);
  w.string(s.um.pin_hash);
  return w.take();
}

Result<MailboxSettings> decode_settings(std::string_view bytes) {
  Reader r(bytes);
  if (r.u8() != kFormatVersion) {
    return Error{ErrorCode::kStoreUnavailable, "stored settings use an unknown format version"};
  }
  MailboxSettings s;
  auto& ar = s.automatic_replies;
  ar.state = r.enumeration(OofState::kScheduled);
  ar.external_audience = r.enumeration(ExternalAudience::kAll);
  ar.scheduled_start = read_dttz(r);
  ar.scheduled_end = read_dttz(r);
  ar.internal_reply_message = r.string();
  ar.external_reply_message = r.string();
  s.time_zone = r.string();
  s.working_hours = read_working_hours(r);
  s.language.locale = r.string();
  s.language.display_name = r.string();
  s.date_format = r.string();
  s.time_format = r.string();
  s.delegate_meeting_message_delivery = r.enumeration(DelegateMeetingMessageDelivery::kSendToDelegateOnly);
  s.user_purpose = r.enumeration(UserPurpose::kUnknownFutureValue);
  (void)r.string();  // the former archive folder id (see encode_settings)
  s.um.missed_call_notification_enabled = r.boolean();
  s.um.play_on_phone_dial_string = r.string();
  s.um.telephone_access_numbers = r.string();
  s.um.telephone_access_folder_email = r.string();
  s.um.pin_hash = r.string();
  if (r.failed() || !r.at_end()) {
    return Error{ErrorCode::kStoreUnavailable, "stored settings are damaged"};
  }
  return s;
}

}  // namespace oofgate::core
