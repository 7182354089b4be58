#include "core/xapian_errors.h"

#include <xapian.h>

#include <new>
#include <string>

namespace archive {
namespace {

std::string Describe(std::string_view what, const Xapian::Error& error) {
  std::string message = std::string(what) + ": " + error.get_type() + ": " + error.get_msg();
  if (!error.get_context().empty()) message += " (" + error.get_context() + ")";
  return message;
}

}  // namespace

// Xapian::Error is not polymorphic, so the mapping is a chain of catch clauses, most
// specific first.
Status CallXapian(std::string_view what, const std::function<void()>& body) {
  try {
    body();
    return Status::Ok();
  } catch (const Xapian::QueryParserError& error) {
    return Status::InvalidArgument(Describe(what, error));
  } catch (const Xapian::DatabaseModifiedError& error) {
    return Status::Unavailable(Describe(what, error));
  } catch (const Xapian::DatabaseLockError& error) {
    return Status::Unavailable(Describe(what, error));
  } catch (const Xapian::DatabaseVersionError& error) {
    return Status::FailedPrecondition(Describe(what, error) + "; rebuild the index");
  } catch (const Xapian::DatabaseCorruptError& error) {
    return Status::Corruption(Describe(what, error));
  } catch (const Xapian::DatabaseNotFoundError& error) {
    return Status::NotFound(Describe(what, error));
  } catch (const Xapian::DatabaseError& error) {  // opening errors and the rest
    return Status::IOError(Describe(what, error));
  } catch (const Xapian::NetworkError& error) {  // a remote shard is down or timed out
    return Status::Unavailable(Describe(what, error));
  } catch (const Xapian::DocNotFoundError& error) {
    return Status::NotFound(Describe(what, error));
  } catch (const Xapian::RangeError& error) {
    return Status::NotFound(Describe(what, error));
  } catch (const Xapian::Error& error) {  // LogicError and the rest: we misused the API
    return Status::Internal(Describe(what, error));
  } catch (const std::bad_alloc&) {
    return Status::Unavailable(std::string(what) + ": out of memory");
  }
}

}  // namespace archive
