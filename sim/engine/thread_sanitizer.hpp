#pragma once
// Fork and join announced to ThreadSanitizer. Debian's oneTBB is not built with TSan, so TSan
// cannot see that a parallel body starts after the code that launched it, nor that it ends before
// the code that waits for it: it would report every such hand-off as a race. ForkJoin tells it,
// and nothing more: bodies stay unordered among themselves, so a race between two chunks is still
// found. Outside TSan builds every member is empty and compiles away.
//
//   ForkJoin hand_off;
//   oneapi::tbb::parallel_for(range, hand_off.body(lambda));
//   hand_off.join();
#include <utility>

// GCC defines __SANITIZE_THREAD__ under -fsanitize=thread; clang only reports the feature.
#if !defined(TAALWERK_THREAD_SANITIZER)
#if defined(__SANITIZE_THREAD__)
#define TAALWERK_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TAALWERK_THREAD_SANITIZER 1
#endif
#endif
#endif

#if defined(TAALWERK_THREAD_SANITIZER)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace taalwerk {

class ForkJoin {
public:
    // `body` wrapped for TBB. TBB reads the body, and the work range beside it, on the threads it
    // hands them to; it copies the body when it splits the work, on the splitting thread. So the
    // hand-off is announced whenever a body object is complete: at construction and at every copy.
    template <class Body>
    class AnnotatedBody {
    public:
        AnnotatedBody(Body body, ForkJoin& hand_off) : body_(std::move(body)), hand_off_(&hand_off) { release(this); }
        // A split copies the body on a worker thread, which has not run it yet: it takes over
        // what the copied object carries before it reads it.
        AnnotatedBody(const AnnotatedBody& other)
            : body_((acquire(&other), other.body_)), hand_off_(other.hand_off_) { release(this); }
        AnnotatedBody& operator=(const AnnotatedBody&) = delete;

        template <class... Arguments>
        void operator()(Arguments&&... arguments) const {
            acquire(this);  // keyed on the object itself: nothing of it is read before
            struct Ends {   // also when the body throws
                ForkJoin* hand_off;
                ~Ends() { release(&hand_off->joined_); }
            } ends{hand_off_};
            body_(std::forward<Arguments>(arguments)...);
        }

    private:
        Body body_;
        ForkJoin* hand_off_;
    };

    template <class Body>
    AnnotatedBody<Body> body(Body body) {
        return AnnotatedBody<Body>(std::move(body), *this);
    }

    // On the launching thread, once TBB has returned: every body's work happened before this.
    void join() { acquire(&joined_); }

private:
#if defined(TAALWERK_THREAD_SANITIZER)
    static void acquire(const void* address) { __tsan_acquire(const_cast<void*>(address)); }
    static void release(const void* address) { __tsan_release(const_cast<void*>(address)); }
#else
    static void acquire(const void*) {}
    static void release(const void*) {}
#endif
    char joined_ = 0;  // the address TSan keys the join on
};

}  // namespace taalwerk
