<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddPackDialog</name>
    <message>
        <source>Add course pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a course pack on a USB stick, or a pack file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course packs found on USB sticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the chosen pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On USB sticks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB stick with a HUBDESK/packs folder was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a course pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course packs (*.hubpack *.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and copying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” version %2 is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” version %2 was already installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pack could not be installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnerDialog</name>
    <message>
        <source>Add a learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How %1 signs in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just tap the name (no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN (4 to 6 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password (for facilitators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 6 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome! Add yourself as the facilitator of this computer, with a password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnerShell</name>
    <message>
        <source>My courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search lessons and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners, course packs and sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out so someone else can use this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That course is not on this computer any more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Hello, %1!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show courses in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no courses on this computer yet. Ask a facilitator to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue where you left off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start your first lesson: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HubDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while. Your note was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add course pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course packs from a USB stick or a file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN or pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this computer? Their progress stays in the records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only you can see these notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what you want to remember…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackCard</name>
    <message>
        <source>%1 · version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n quiz(zes) mastered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>← My courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quiz mastered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordEntry</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PicturePad</name>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>house</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>My progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Lessons finished: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quizzes mastered: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time spent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>← Back to the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next question →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To master this quiz: %1 right answers out of the last %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well done! You have mastered this quiz. You can keep practising.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Right!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not quite.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>← Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ve finished this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson is not in the course any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleInstaller</name>
    <message>
        <source>Getting the first courses ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the first courses ready… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) are ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The sample courses could not be installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching for “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search did not work this time. Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Showing results for “%1”. You typed “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found. Try another word, or a shorter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out after no use for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a facilitator can change the sign-out time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners are signed out after this time so the next person cannot see their work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is here yet. A facilitator adds the first people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Not me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your three pictures in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your facilitator password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was not right. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong while checking. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebLinkDialog</name>
    <message>
        <source>This link needs the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link goes to a web page. It needs the internet, which this computer may not have now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
