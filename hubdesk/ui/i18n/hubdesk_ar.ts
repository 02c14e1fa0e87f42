<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AddPackDialog</name>
    <message>
        <source>Add course pack</source>
        <translation>إضافة دورة</translation>
    </message>
    <message>
        <source>Choose a course pack on a USB stick, or a pack file on this computer.</source>
        <translation>اختر دورة على ذاكرة USB، أو ملف دورة على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Course packs found on USB sticks</source>
        <translation>الدورات الموجودة على ذواكر USB</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>ابحث مجددًا</translation>
    </message>
    <message>
        <source>Install the chosen pack</source>
        <translation>ثبّت الدورة المختارة</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>اختر ملفًا…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>On USB sticks:</source>
        <translation>على ذواكر USB:</translation>
    </message>
    <message>
        <source>No USB stick with a HUBDESK/packs folder was found.</source>
        <translation>لم يُعثر على ذاكرة USB فيها مجلد HUBDESK/packs.</translation>
    </message>
    <message>
        <source>Choose a course pack</source>
        <translation>اختر دورة</translation>
    </message>
    <message>
        <source>Course packs (*.hubpack *.zip)</source>
        <translation>الدورات (*.hubpack *.zip)</translation>
    </message>
    <message>
        <source>Checking and copying %1…</source>
        <translation>جارٍ فحص %1 ونسخه…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>“%1” version %2 is installed.</source>
        <translation>ثُبّتت «%1» الإصدار %2.</translation>
    </message>
    <message>
        <source>“%1” version %2 was already installed.</source>
        <translation>«%1» الإصدار %2 مثبتة من قبل.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>أُلغي. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>This pack could not be installed: %1</source>
        <translation>تعذّر تثبيت هذه الدورة: %1</translation>
    </message>
</context>
<context>
    <name>CentrePCsDialog</name>
    <message>
        <source>This centre&apos;s computers</source>
        <translation>حواسيب هذا المركز</translation>
    </message>
    <message>
        <source>The centre&apos;s computers</source>
        <translation>حواسيب المركز</translation>
    </message>
    <message>
        <source>Let another computer join</source>
        <translation>اسمح لحاسوب آخر بالانضمام</translation>
    </message>
    <message>
        <source>Set up the centre</source>
        <translation>إعداد المركز</translation>
    </message>
    <message>
        <source>Retire the chosen computer</source>
        <translation>أوقف الحاسوب المختار</translation>
    </message>
    <message>
        <source>For a lost or stolen computer: it receives nothing new</source>
        <translation>لحاسوب مفقود أو مسروق: لن يتلقى شيئًا جديدًا</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>رمز الانضمام</translation>
    </message>
    <message>
        <source>This computer is not part of a centre yet.</source>
        <translation>هذا الحاسوب ليس جزءًا من مركز بعد.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>آخر ظهور %1</translation>
    </message>
    <message>
        <source>not seen yet</source>
        <translation>لم يظهر بعد</translation>
    </message>
    <message>
        <source>On the new computer choose “Join this centre&apos;s computers” and type this code:</source>
        <translation>على الحاسوب الجديد اختر «انضم إلى حواسيب هذا المركز» واكتب هذا الرمز:</translation>
    </message>
    <message>
        <source>It works once, for 15 minutes, while HubDesk stays open here.</source>
        <translation>يعمل مرة واحدة، لمدة 15 دقيقة، ما دام HubDesk مفتوحًا هنا.</translation>
    </message>
    <message>
        <source>Retire this computer? The centre&apos;s computers will send it nothing new. Do this for a lost or stolen computer.</source>
        <translation>إيقاف هذا الحاسوب؟ لن ترسل إليه حواسيب المركز شيئًا جديدًا. افعل هذا لحاسوب مفقود أو مسروق.</translation>
    </message>
    <message>
        <source>Retired. It keeps what it already held: ask the learners who used it to choose a new PIN or new pictures.</source>
        <translation>أُوقف. يحتفظ بما كان لديه: اطلب من المتعلمين الذين استعملوه اختيار رمز سري جديد أو صور جديدة.</translation>
    </message>
</context>
<context>
    <name>CentreSetupDialog</name>
    <message>
        <source>This computer and its centre</source>
        <translation>هذا الحاسوب ومركزه</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Create the centre</source>
        <translation>أنشئ المركز</translation>
    </message>
    <message>
        <source>A centre is all the computers learners share in one place. Learners can then sign in on any of them and find their work there.</source>
        <translation>المركز هو كل الحواسيب التي يتشاركها المتعلمون في مكان واحد. يمكن للمتعلمين الدخول من أي منها وإيجاد عملهم هناك.</translation>
    </message>
    <message>
        <source>New centre: this is its first computer</source>
        <translation>مركز جديد: هذا أول حواسيبه</translation>
    </message>
    <message>
        <source>Join this centre&apos;s computers</source>
        <translation>انضم إلى حواسيب هذا المركز</translation>
    </message>
    <message>
        <source>Just this computer for now</source>
        <translation>هذا الحاسوب فقط الآن</translation>
    </message>
    <message>
        <source>Name of the centre</source>
        <translation>اسم المركز</translation>
    </message>
    <message>
        <source>e.g. Kibera Youth Centre</source>
        <translation>مثل: مركز شباب كيبيرا</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>e.g. Nairobi</source>
        <translation>مثل: نيروبي</translation>
    </message>
    <message>
        <source>Name of the centre:</source>
        <translation>اسم المركز:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>المكان:</translation>
    </message>
    <message>
        <source>On a computer of the centre, a facilitator opens Facilitator, then “This centre&apos;s computers”, and reads you a code.</source>
        <translation>على حاسوب من المركز، يفتح الميسّر «ميسّر» ثم «حواسيب هذا المركز» ويقرأ لك رمزًا.</translation>
    </message>
    <message>
        <source>Computers found on this network</source>
        <translation>حواسيب وُجدت على هذه الشبكة</translation>
    </message>
    <message>
        <source>Computers found on this network:</source>
        <translation>حواسيب وُجدت على هذه الشبكة:</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>رمز الانضمام</translation>
    </message>
    <message>
        <source>Its address, if it is not in the list</source>
        <translation>عنوانه، إن لم يكن في القائمة</translation>
    </message>
    <message>
        <source>Join code:</source>
        <translation>رمز الانضمام:</translation>
    </message>
    <message>
        <source>Or its address:</source>
        <translation>أو عنوانه:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>انضم</translation>
    </message>
    <message>
        <source>No other HubDesk computer answered on this network. Type its address below, or check that HubDesk runs on a computer of the centre.</source>
        <translation>لم يُجب أي حاسوب HubDesk آخر على هذه الشبكة. اكتب عنوانه أدناه، أو تحقق من أن HubDesk يعمل على حاسوب في المركز.</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>لم ينجح ذلك: %1</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>My learners</source>
        <translation>متعلّميّ</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>الدورة</translation>
    </message>
    <message>
        <source>Study group</source>
        <translation>مجموعة دراسية</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>كل الأوقات</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>آخر %n يوم</numerusform>
            <numerusform>آخر يوم</numerusform>
            <numerusform>آخر يومين</numerusform>
            <numerusform>آخر %n أيام</numerusform>
            <numerusform>آخر %n يومًا</numerusform>
            <numerusform>آخر %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>احفظ بصيغة CSV…</translation>
    </message>
    <message>
        <source>Every course, every learner, every lesson: for a spreadsheet</source>
        <translation>كل دورة وكل متعلم وكل درس: لجدول بيانات</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>التقرير الشهري (PDF)…</translation>
    </message>
    <message>
        <source>✓ done · • started · ★ quiz mastered · ½ quiz practised. Double-click a learner to see their days.</source>
        <translation>✓ تم · • بدأ · ★ اختبار متقن · ½ اختبار قيد التدرّب. انقر مرتين على متعلم لرؤية أيامه.</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>متعلم</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدم</translation>
    </message>
    <message>
        <source>Needs help</source>
        <translation>يحتاج مساعدة</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>أصعب الأسئلة</translation>
    </message>
    <message>
        <source>One learner</source>
        <translation>متعلم واحد</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <source>Every learner</source>
        <translation>كل المتعلمين</translation>
    </message>
    <message>
        <source>Study group: %1</source>
        <translation>مجموعة دراسية: %1</translation>
    </message>
    <message>
        <source>No course is installed yet: add a course pack first.</source>
        <translation>لا توجد دورة مثبتة بعد: أضف دورة أولًا.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>جارٍ العد…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 learners have started.</source>
        <translation>%1: بدأ %2 من %3 متعلمين.</translation>
    </message>
    <message>
        <source>Nobody needs help by these rules today.</source>
        <translation>لا أحد يحتاج مساعدة وفق هذه القواعد اليوم.</translation>
    </message>
    <message>
        <source>Needs help (%1)</source>
        <translation>يحتاج مساعدة (%1)</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>تعذّر إعداد التقرير: %1</translation>
    </message>
    <message>
        <source>To review (%1)</source>
        <translation>للمراجعة (%1)</translation>
    </message>
    <message>
        <source>%1 has done nothing yet in this period.</source>
        <translation>لم يفعل %1 شيئًا بعد في هذه الفترة.</translation>
    </message>
    <message>
        <source>finished “%1”</source>
        <translation>أنهى «%1»</translation>
    </message>
    <message>
        <source>worked on “%1”</source>
        <translation>عمل على «%1»</translation>
    </message>
    <message>
        <source>%1 of %2 answers right</source>
        <translation>%1 من %2 إجابات صحيحة</translation>
    </message>
    <message>
        <source>Save the progress as CSV</source>
        <translation>احفظ التقدم بصيغة CSV</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>احفظ التقرير الشهري</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>جارٍ إعداد التقرير…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>حُفظ في %1.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>لم يُحفظ شيء: %1</translation>
    </message>
</context>
<context>
    <name>ContributionEditor</name>
    <message>
        <source>Add to this lesson</source>
        <translation>أضف إلى هذا الدرس</translation>
    </message>
    <message>
        <source>Add to “%1”: your tip, an example from your life, a question, a translation.</source>
        <translation>أضف إلى «%1»: نصيحتك، مثالًا من حياتك، سؤالًا، ترجمة.</translation>
    </message>
    <message>
        <source>Write a new short lesson.</source>
        <translation>اكتب درسًا قصيرًا جديدًا.</translation>
    </message>
    <message>
        <source>What you add</source>
        <translation>ما تضيفه</translation>
    </message>
    <message>
        <source>A tip or explanation</source>
        <translation>نصيحة أو شرح</translation>
    </message>
    <message>
        <source>An example from where you live</source>
        <translation>مثال من مكان عيشك</translation>
    </message>
    <message>
        <source>A new quiz question</source>
        <translation>سؤال اختبار جديد</translation>
    </message>
    <message>
        <source>A translation of this lesson</source>
        <translation>ترجمة لهذا الدرس</translation>
    </message>
    <message>
        <source>A new short lesson</source>
        <translation>درس قصير جديد</translation>
    </message>
    <message>
        <source>A title (optional for a tip or example)</source>
        <translation>عنوان (اختياري للنصيحة أو المثال)</translation>
    </message>
    <message>
        <source>Write here. *stars* make italics, **two** make bold.</source>
        <translation>اكتب هنا. *النجوم* تجعل النص مائلًا، و**نجمتان** تجعلانه عريضًا.</translation>
    </message>
    <message>
        <source>Add a picture…</source>
        <translation>أضف صورة…</translation>
    </message>
    <message>
        <source>A PNG or JPEG, at most 200 KB</source>
        <translation>صورة PNG أو JPEG، 200 كيلوبايت على الأكثر</translation>
    </message>
    <message>
        <source>One right choice</source>
        <translation>خيار صحيح واحد</translation>
    </message>
    <message>
        <source>Several right choices</source>
        <translation>عدة خيارات صحيحة</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>A word</source>
        <translation>كلمة</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>The choices, one per line</source>
        <translation>الخيارات، خيار في كل سطر</translation>
    </message>
    <message>
        <source>The right answer (for choices: their numbers, like 2 or 1,3)</source>
        <translation>الإجابة الصحيحة (للخيارات: أرقامها، مثل 2 أو 1,3)</translation>
    </message>
    <message>
        <source>Language code, like sw for Kiswahili</source>
        <translation>رمز اللغة، مثل sw للسواحيلية</translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation>الدرس</translation>
    </message>
    <message>
        <source>Your translation</source>
        <translation>ترجمتك</translation>
    </message>
    <message>
        <source>Show my name with it</source>
        <translation>أظهر اسمي معه</translation>
    </message>
    <message>
        <source>I agree to share it under this licence</source>
        <translation>أوافق على مشاركته بموجب هذا الترخيص</translation>
    </message>
    <message>
        <source>Send to the facilitator</source>
        <translation>أرسل إلى الميسّر</translation>
    </message>
    <message>
        <source>Keep as a draft</source>
        <translation>احفظ كمسودة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>a learner at %1</source>
        <translation>متعلم في %1</translation>
    </message>
    <message>
        <source>It will be shared under the %1 licence, credited to %2: everyone may use and change it, if they say who made it and share what they make the same way.</source>
        <translation>سيُشارك بموجب ترخيص %1، منسوبًا إلى %2: يمكن لأي شخص استعماله وتعديله، إذا ذكر من صنعه وشارك ما يصنعه بالطريقة نفسها.</translation>
    </message>
    <message>
        <source>The facilitator asks: %1</source>
        <translation>يطلب الميسّر: %1</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>اختر صورة</translation>
    </message>
    <message>
        <source>That picture cannot be read: %1</source>
        <translation>تعذّرت قراءة هذه الصورة: %1</translation>
    </message>
    <message>
        <source>Tick “I agree” to share it under the licence, or keep it as a draft.</source>
        <translation>علّم «أوافق» لمشاركته بموجب الترخيص، أو احفظه كمسودة.</translation>
    </message>
</context>
<context>
    <name>ContributionWords</name>
    <message>
        <source>Draft: not sent yet</source>
        <translation>مسودة: لم تُرسل بعد</translation>
    </message>
    <message>
        <source>Sent: waiting for the facilitator</source>
        <translation>أُرسل: ينتظر الميسّر</translation>
    </message>
    <message>
        <source>Changes asked: %1</source>
        <translation>طُلبت تعديلات: %1</translation>
    </message>
    <message>
        <source>Approved: every learner of the centre can read it</source>
        <translation>مقبول: يستطيع كل متعلمي المركز قراءته</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>مرفوض: %1</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>مسحوب</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>نصيحة</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>مثال</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>ترجمة</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>درس جديد</translation>
    </message>
    <message>
        <source>By %1, for “%2”.</source>
        <translation>من %1، لـ «%2».</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>الإجابة: %1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>اللغة: %1</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Learner</source>
        <translation>متعلم</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر ظهور</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>started</source>
        <translation>بدأ</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <source>My study groups</source>
        <translation>مجموعاتي الدراسية</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>Name of a new group</source>
        <translation>اسم مجموعة جديدة</translation>
    </message>
    <message>
        <source>Start a group</source>
        <translation>أنشئ مجموعة</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>رمز المجموعة</translation>
    </message>
    <message>
        <source>The code the group&apos;s starter reads out, like KTM4Q-9QPZX</source>
        <translation>الرمز الذي يقرؤه منشئ المجموعة، مثل KTM4Q-9QPZX</translation>
    </message>
    <message>
        <source>Address of a member&apos;s computer</source>
        <translation>عنوان حاسوب أحد الأعضاء</translation>
    </message>
    <message>
        <source>Group not found nearby? Ask a member for their computer&apos;s address:</source>
        <translation>لم تُعثر على المجموعة قريبًا؟ اطلب من أحد الأعضاء عنوان حاسوبه:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>انضم</translation>
    </message>
    <message>
        <source>HubDesks nearby</source>
        <translation>أجهزة HubDesk القريبة</translation>
    </message>
    <message>
        <source>Shared notes</source>
        <translation>ملاحظات مشتركة</translation>
    </message>
    <message>
        <source>Write here together. Everyone in the group sees it.</source>
        <translation>اكتبوا هنا معًا. يراه كل من في المجموعة.</translation>
    </message>
    <message>
        <source>Online now</source>
        <translation>متصل الآن</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>إزالة العضو</translation>
    </message>
    <message>
        <source>Only the person who started the group can remove a member.</source>
        <translation>وحده منشئ المجموعة يستطيع إزالة عضو.</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>غادر المجموعة</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>أسئلة وأجوبة</translation>
    </message>
    <message>
        <source>Ask or answer</source>
        <translation>اسأل أو أجب</translation>
    </message>
    <message>
        <source>Ask the group, or answer the chosen question</source>
        <translation>اسأل المجموعة، أو أجب عن السؤال المختار</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>اسأل</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>أجب</translation>
    </message>
    <message>
        <source>Give the group a name first.</source>
        <translation>أعطِ المجموعة اسمًا أولًا.</translation>
    </message>
    <message>
        <source>Read this code aloud to the others: {code}</source>
        <translation>اقرأ هذا الرمز بصوت عالٍ للآخرين: {code}</translation>
    </message>
    <message>
        <source>Type the join code you were given.</source>
        <translation>اكتب الرمز الذي أُعطي لك.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>جارٍ الانضمام…</translation>
    </message>
    <message>
        <source>You joined the group.</source>
        <translation>انضممت إلى المجموعة.</translation>
    </message>
    <message>
        <source>That did not work. Please try again.</source>
        <translation>لم ينجح ذلك. حاول مجددًا.</translation>
    </message>
    <message>
        <source>Join code: {code}</source>
        <translation>رمز المجموعة: {code}</translation>
    </message>
    <message>
        <source>{name} (started the group)</source>
        <translation>{name} (أنشأ المجموعة)</translation>
    </message>
    <message>
        <source>Choose the member to remove, then press Remove member.</source>
        <translation>اختر العضو المراد إزالته، ثم اضغط «إزالة العضو».</translation>
    </message>
    <message>
        <source>Removed. The old join code no longer works; newcomers join with %1.</source>
        <translation>أُزيل. الرمز القديم لم يعد يعمل؛ ينضم الجدد بالرمز %1.</translation>
    </message>
    <message>
        <source>You left the group. Its notes stay on this PC.</source>
        <translation>غادرت المجموعة. تبقى ملاحظاتها على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>{name} asks: {text}</source>
        <translation>{name} يسأل: {text}</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}: {text}</translation>
    </message>
    <message>
        <source>Choose a question, write your answer, then press Answer.</source>
        <translation>اختر سؤالًا، واكتب إجابتك، ثم اضغط «أجب».</translation>
    </message>
</context>
<context>
    <name>LearnerDialog</name>
    <message>
        <source>pictures</source>
        <translation>صور</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>الرمز السري</translation>
    </message>
    <message>
        <source>password</source>
        <translation>كلمة مرور</translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation>إضافة متعلم</translation>
    </message>
    <message>
        <source>How %1 signs in</source>
        <translation>كيف يدخل %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>متعلم</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>ميسّر</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>الدور:</translation>
    </message>
    <message>
        <source>Just tap the name (no secret)</source>
        <translation>لمس الاسم فقط (بلا سر)</translation>
    </message>
    <message>
        <source>Three pictures</source>
        <translation>ثلاث صور</translation>
    </message>
    <message>
        <source>A PIN (4 to 6 digits)</source>
        <translation>رمز سري (من 4 إلى 6 أرقام)</translation>
    </message>
    <message>
        <source>A password (for facilitators)</source>
        <translation>كلمة مرور (للميسّرين)</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>الدخول بـ:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>At least 6 characters</source>
        <translation>6 أحرف على الأقل</translation>
    </message>
    <message>
        <source>Welcome! Add yourself as the facilitator of this computer, with a password.</source>
        <translation>مرحبًا! أضف نفسك ميسّرًا لهذا الحاسوب، بكلمة مرور.</translation>
    </message>
    <message>
        <source>A facilitator signs in with a password: facilitator tasks must stay protected.</source>
        <translation>يدخل الميسّر بكلمة مرور: يجب أن تبقى مهام الميسّر محمية.</translation>
    </message>
    <message>
        <source>Let %1 sign in by just tapping the name? Anyone could then open their work.</source>
        <translation>هل تسمح لـ %1 بالدخول بلمس الاسم فقط؟ سيتمكن أي شخص حينها من فتح عمله.</translation>
    </message>
    <message>
        <source>%1 signs in by tapping their name.</source>
        <translation>يدخل %1 بلمس اسمه.</translation>
    </message>
    <message>
        <source>%1 signs in with three pictures.</source>
        <translation>يدخل %1 بثلاث صور.</translation>
    </message>
    <message>
        <source>%1 signs in with a PIN.</source>
        <translation>يدخل %1 برمز سري.</translation>
    </message>
    <message>
        <source>%1 signs in with a password.</source>
        <translation>يدخل %1 بكلمة مرور.</translation>
    </message>
</context>
<context>
    <name>LearnerShell</name>
    <message>
        <source>My courses</source>
        <translation>دوراتي</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>تقدّمي</translation>
    </message>
    <message>
        <source>Search lessons and notes</source>
        <translation>ابحث في الدروس والملاحظات</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Study group</source>
        <translation>مجموعة دراسية</translation>
    </message>
    <message>
        <source>Learn with others on this network: a shared note and questions</source>
        <translation>تعلّم مع الآخرين على هذه الشبكة: ملاحظة مشتركة وأسئلة</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>ميسّر</translation>
    </message>
    <message>
        <source>Learners, course packs and sync</source>
        <translation>المتعلمون والدورات والمزامنة</translation>
    </message>
    <message>
        <source>Settings: text size, contrast, language</source>
        <translation>الإعدادات: حجم النص، التباين، اللغة</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>تغيير الشخص</translation>
    </message>
    <message>
        <source>Sign out so someone else can use this computer</source>
        <translation>اخرج ليستخدم شخص آخر هذا الحاسوب</translation>
    </message>
    <message>
        <source>That course is not on this computer any more.</source>
        <translation>هذه الدورة لم تعد على هذا الحاسوب.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Hello, %1!</source>
        <translation>مرحبًا، %1!</translation>
    </message>
    <message>
        <source>Your courses</source>
        <translation>دوراتك</translation>
    </message>
    <message>
        <source>Show courses in</source>
        <translation>اعرض الدورات بلغة</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>There are no courses on this computer yet. Ask a facilitator to add one.</source>
        <translation>لا توجد دورات على هذا الحاسوب بعد. اطلب من ميسّر إضافة دورة.</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>كل اللغات</translation>
    </message>
    <message>
        <source>Continue where you left off:
%1</source>
        <translation>تابع من حيث توقفت:
%1</translation>
    </message>
    <message>
        <source>Start your first lesson:
%1</source>
        <translation>ابدأ درسك الأول:
%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HubDesk</source>
        <translation>HubDesk</translation>
    </message>
    <message>
        <source>The computer %1 joined this centre.</source>
        <translation>انضم الحاسوب %1 إلى هذا المركز.</translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while. Your note was kept.</source>
        <translation>أُخرجت لأن أحدًا لم يستخدم HubDesk لفترة. حُفظت ملاحظتك.</translation>
    </message>
    <message>
        <source>You were signed out because nobody used HubDesk for a while.</source>
        <translation>أُخرجت لأن أحدًا لم يستخدم HubDesk لفترة.</translation>
    </message>
    <message>
        <source>This computer joined %1.</source>
        <translation>انضم هذا الحاسوب إلى %1.</translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation>حدث خطأ. سُجّل في السجل.</translation>
    </message>
</context>
<context>
    <name>ManagePage</name>
    <message>
        <source>Facilitator</source>
        <translation>ميسّر</translation>
    </message>
    <message>
        <source>Add course pack</source>
        <translation>إضافة دورة</translation>
    </message>
    <message>
        <source>My learners: progress and reports</source>
        <translation>متعلّميّ: التقدم والتقارير</translation>
    </message>
    <message>
        <source>Progress of every learner, who needs help, the hardest questions</source>
        <translation>تقدم كل متعلم، ومن يحتاج مساعدة، وأصعب الأسئلة</translation>
    </message>
    <message>
        <source>Course packs from a USB stick or a file:</source>
        <translation>دورات من ذاكرة USB أو من ملف:</translation>
    </message>
    <message>
        <source>Settings of this computer</source>
        <translation>إعدادات هذا الحاسوب</translation>
    </message>
    <message>
        <source>Language and the time before an unused session is closed</source>
        <translation>اللغة والمدة قبل إغلاق جلسة غير مستخدمة</translation>
    </message>
    <message>
        <source>This centre&apos;s computers</source>
        <translation>حواسيب هذا المركز</translation>
    </message>
    <message>
        <source>The computers of this centre, a code for a new one, a lost one</source>
        <translation>حواسيب هذا المركز، رمز لحاسوب جديد، حاسوب مفقود</translation>
    </message>
    <message>
        <source>Learners of this centre</source>
        <translation>متعلمو هذا المركز</translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation>إضافة متعلم</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة التسمية</translation>
    </message>
    <message>
        <source>Reset PIN or pictures</source>
        <translation>تغيير الرمز أو الصور</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>no secret</source>
        <translation>بلا سر</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>ميسّر</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>متعلم</translation>
    </message>
    <message>
        <source>Course updates waiting at the hub (they come with the next USB stick or sync): %1</source>
        <translation>تحديثات دورات تنتظر في المركز (تصل مع ذاكرة USB أو المزامنة التالية): %1</translation>
    </message>
    <message numerus="yes">
        <source>The clock of PC %1 is %n day(s) ahead.</source>
        <translation>
            <numerusform>ساعة الحاسوب %1 متقدمة %n يوم.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة يومًا واحدًا.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة يومين.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة %n أيام.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة %n يومًا.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة %n يوم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The clock of PC %1 is %n hour(s) ahead.</source>
        <translation>
            <numerusform>ساعة الحاسوب %1 متقدمة %n ساعة.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة ساعة واحدة.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة ساعتين.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة %n ساعات.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة %n ساعة.</numerusform>
            <numerusform>ساعة الحاسوب %1 متقدمة %n ساعة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set its date and time right: until then its changes win over newer ones.</source>
        <translation>اضبط تاريخه ووقته: حتى ذلك الحين تتغلب تغييراته على التغييرات الأحدث.</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>الاسم الجديد:</translation>
    </message>
    <message>
        <source>Remove %1 from this computer? Their progress stays in the records.</source>
        <translation>إزالة %1 من هذا الحاسوب؟ يبقى تقدمه في السجلات.</translation>
    </message>
</context>
<context>
    <name>MonthlyReportPdf</name>
    <message>
        <source>Monthly report: %1</source>
        <translation>التقرير الشهري: %1</translation>
    </message>
    <message>
        <source>learners in the centre</source>
        <translation>متعلمون في المركز</translation>
    </message>
    <message>
        <source>came this month</source>
        <translation>حضروا هذا الشهر</translation>
    </message>
    <message>
        <source>lessons finished this month</source>
        <translation>دروس انتهت هذا الشهر</translation>
    </message>
    <message>
        <source>spent learning this month</source>
        <translation>قُضيت في التعلّم هذا الشهر</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>الدورات</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>الدورة</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>بدأ</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>حضر</translation>
    </message>
    <message>
        <source>Lessons finished</source>
        <translation>الدروس المنتهية</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Average progress</source>
        <translation>متوسط التقدم</translation>
    </message>
    <message>
        <source>No course is installed yet.</source>
        <translation>لا توجد دورة مثبتة بعد.</translation>
    </message>
    <message>
        <source>Who needs a visit</source>
        <translation>من يحتاج زيارة</translation>
    </message>
    <message>
        <source>Nobody needs help by these rules today.</source>
        <translation>لا أحد يحتاج مساعدة وفق هذه القواعد اليوم.</translation>
    </message>
    <message>
        <source>Hardest questions</source>
        <translation>أصعب الأسئلة</translation>
    </message>
    <message>
        <source>%1% right the first time (%2 of %3 learners)</source>
        <translation>%1٪ صحيحة من أول مرة (%2 من %3 متعلمين)</translation>
    </message>
    <message>
        <source>“%1” (%2): %3</source>
        <translation>«%1» (%2): %3</translation>
    </message>
    <message>
        <source>Too few answers yet to say which questions are hard.</source>
        <translation>الإجابات قليلة جدًا بعد لمعرفة الأسئلة الصعبة.</translation>
    </message>
    <message>
        <source>Made by HubDesk on %1, from the activity of every computer of the centre.</source>
        <translation>أعدّه HubDesk في %1، من نشاط كل حواسيب المركز.</translation>
    </message>
</context>
<context>
    <name>MyContributionsDialog</name>
    <message>
        <source>My contributions</source>
        <translation>مساهماتي</translation>
    </message>
    <message>
        <source>Change and send again</source>
        <translation>عدّل وأرسل مجددًا</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>اسحب</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Nothing yet. In a lesson, tap “Add to this lesson”.</source>
        <translation>لا شيء بعد. في درس، المس «أضف إلى هذا الدرس».</translation>
    </message>
</context>
<context>
    <name>NameButton</name>
    <message>
        <source>Signed in as %1</source>
        <translation>الداخل: %1</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>My notes</source>
        <translation>ملاحظاتي</translation>
    </message>
    <message>
        <source>Only you can see these notes.</source>
        <translation>أنت وحدك ترى هذه الملاحظات.</translation>
    </message>
    <message>
        <source>Write what you want to remember…</source>
        <translation>اكتب ما تريد تذكّره…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>جارٍ الكتابة…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>حُفظ</translation>
    </message>
</context>
<context>
    <name>PackCard</name>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · الإصدار %2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدم</translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation>انتهى %1 من %2 دروس</translation>
    </message>
    <message numerus="yes">
        <source>%n quiz(zes) mastered</source>
        <translation>
            <numerusform>لم يُتقن أي اختبار</numerusform>
            <numerusform>اختبار واحد متقن</numerusform>
            <numerusform>اختباران متقنان</numerusform>
            <numerusform>%n اختبارات متقنة</numerusform>
            <numerusform>%n اختبارًا متقنًا</numerusform>
            <numerusform>%n اختبار متقن</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>افتح</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>افتح %1</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <source>← My courses</source>
        <translation>→ دوراتي</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>الدروس</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>أنهى</translation>
    </message>
    <message>
        <source>quiz mastered</source>
        <translation>اختبار متقن</translation>
    </message>
    <message>
        <source>%1 of %2 lessons finished</source>
        <translation>انتهى %1 من %2 دروس</translation>
    </message>
</context>
<context>
    <name>PasswordEntry</name>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>دخول</translation>
    </message>
</context>
<context>
    <name>PicturePad</name>
    <message>
        <source>Picture %1 of 3</source>
        <translation>الصورة %1 من 3</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>امسح</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>sun</source>
        <translation>شمس</translation>
    </message>
    <message>
        <source>house</source>
        <translation>بيت</translation>
    </message>
    <message>
        <source>tree</source>
        <translation>شجرة</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>سمكة</translation>
    </message>
    <message>
        <source>star</source>
        <translation>نجمة</translation>
    </message>
    <message>
        <source>heart</source>
        <translation>قلب</translation>
    </message>
    <message>
        <source>moon</source>
        <translation>قمر</translation>
    </message>
    <message>
        <source>flower</source>
        <translation>زهرة</translation>
    </message>
    <message>
        <source>boat</source>
        <translation>قارب</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Erase</source>
        <translation>امسح</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>My progress</source>
        <translation>تقدّمي</translation>
    </message>
    <message>
        <source>My contributions</source>
        <translation>مساهماتي</translation>
    </message>
    <message>
        <source>What you added to lessons, and what the facilitator said</source>
        <translation>ما أضفته إلى الدروس، وما قاله الميسّر</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>لا شيء بعد</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>أقل من دقيقة</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتان</numerusform>
            <numerusform>%n ساعات</numerusform>
            <numerusform>%n ساعة</numerusform>
            <numerusform>%n ساعة</numerusform>
        </translation>
    </message>
    <message>
        <source>Lessons finished: %1 of %2</source>
        <translation>الدروس المنتهية: %1 من %2</translation>
    </message>
    <message>
        <source>Quizzes mastered: %1 of %2</source>
        <translation>الاختبارات المتقنة: %1 من %2</translation>
    </message>
    <message>
        <source>Time spent: %1</source>
        <translation>الوقت المستغرق: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n lesson(s) finished</source>
        <translation>
            <numerusform>لم ينتهِ أي درس</numerusform>
            <numerusform>انتهى درس واحد</numerusform>
            <numerusform>انتهى درسان</numerusform>
            <numerusform>انتهت %n دروس</numerusform>
            <numerusform>انتهى %n درسًا</numerusform>
            <numerusform>انتهى %n درس</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Right first time</source>
        <translation>صحيح من أول مرة</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>درس</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>المتعلمون</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>← Back to the lesson</source>
        <translation>→ العودة إلى الدرس</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>تحقق من إجابتي</translation>
    </message>
    <message>
        <source>Practise again</source>
        <translation>تدرّب مجددًا</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>حاول مجددًا</translation>
    </message>
    <message>
        <source>Next question →</source>
        <translation>السؤال التالي ←</translation>
    </message>
    <message>
        <source>Quiz: %1</source>
        <translation>اختبار: %1</translation>
    </message>
    <message>
        <source>To master this quiz: %1 right answers out of the last %2.</source>
        <translation>لإتقان هذا الاختبار: %1 إجابات صحيحة من آخر %2.</translation>
    </message>
    <message>
        <source>Well done! You have mastered this quiz. You can keep practising.</source>
        <translation>أحسنت! أتقنت هذا الاختبار. يمكنك مواصلة التدرّب.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>السؤال %1 من %2</translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation>اختر كل الإجابات الصحيحة.</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>اكتب رقمًا</translation>
    </message>
    <message>
        <source>Type your answer</source>
        <translation>اكتب إجابتك</translation>
    </message>
    <message>
        <source>Please type a number with digits, like 12 or 3,5.</source>
        <translation>اكتب رقمًا بالأرقام، مثل 12 أو 3,5.</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>صحيح!</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>ليس تمامًا.</translation>
    </message>
    <message>
        <source>Quiz finished</source>
        <translation>انتهى الاختبار</translation>
    </message>
    <message>
        <source>You answered %1 of %2 questions right the first time.</source>
        <translation>أجبت إجابة صحيحة من أول مرة عن %1 من %2 أسئلة.</translation>
    </message>
    <message>
        <source>Practise again to master it, or go back to the lesson.</source>
        <translation>تدرّب مجددًا لإتقانه، أو عد إلى الدرس.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>اقرأ بصوت عالٍ</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>أوقف القراءة</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>سرعة القراءة</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>بطيئة</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادية</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>سريعة</translation>
    </message>
    <message>
        <source>Reading aloud needs the espeak-ng program, which is not installed on this computer.</source>
        <translation>تحتاج القراءة بصوت عالٍ إلى برنامج espeak-ng، وهو غير مثبت على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>← Lessons</source>
        <translation>→ الدروس</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>أ−</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>أ+</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>ملاحظاتي</translation>
    </message>
    <message>
        <source>Add to this lesson</source>
        <translation>أضف إلى هذا الدرس</translation>
    </message>
    <message>
        <source>A tip, an example, a question or a translation, for other learners</source>
        <translation>نصيحة أو مثال أو سؤال أو ترجمة، لمتعلمين آخرين</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>→ السابق</translation>
    </message>
    <message>
        <source>I&apos;ve finished this lesson</source>
        <translation>أنهيت هذا الدرس</translation>
    </message>
    <message>
        <source>Take the quiz</source>
        <translation>خذ الاختبار</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>التالي ←</translation>
    </message>
    <message>
        <source>This lesson is not in the course any more.</source>
        <translation>هذا الدرس لم يعد في الدورة.</translation>
    </message>
    <message>
        <source>From learners of other centres</source>
        <translation>من متعلمي مراكز أخرى</translation>
    </message>
    <message>
        <source>From learners at %1</source>
        <translation>من متعلمين في %1</translation>
    </message>
    <message>
        <source>Read in: %1 (translated by learners of another centre)</source>
        <translation>اقرأ بـ: %1 (ترجمة متعلمين من مركز آخر)</translation>
    </message>
    <message>
        <source>Read in: %1 (translated by learners at %2)</source>
        <translation>اقرأ بـ: %1 (ترجمة متعلمين في %2)</translation>
    </message>
    <message>
        <source>✔ Finished</source>
        <translation>✔ انتهى</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message numerus="yes">
        <source>Started “%1” but has not been back for %n day(s).</source>
        <translation>
            <numerusform>بدأ «%1» ولم يعد منذ %n يوم.</numerusform>
            <numerusform>بدأ «%1» ولم يعد منذ يوم واحد.</numerusform>
            <numerusform>بدأ «%1» ولم يعد منذ يومين.</numerusform>
            <numerusform>بدأ «%1» ولم يعد منذ %n أيام.</numerusform>
            <numerusform>بدأ «%1» ولم يعد منذ %n يومًا.</numerusform>
            <numerusform>بدأ «%1» ولم يعد منذ %n يوم.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Has been on “%1” for %n day(s) without finishing it.</source>
        <translation>
            <numerusform>على «%1» منذ %n يوم دون إنهائه.</numerusform>
            <numerusform>على «%1» منذ يوم واحد دون إنهائه.</numerusform>
            <numerusform>على «%1» منذ يومين دون إنهائه.</numerusform>
            <numerusform>على «%1» منذ %n أيام دون إنهائه.</numerusform>
            <numerusform>على «%1» منذ %n يومًا دون إنهائه.</numerusform>
            <numerusform>على «%1» منذ %n يوم دون إنهائه.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answered the same question of the quiz in “%1” wrongly %n time(s) and has not mastered it yet.</source>
        <translation>
            <numerusform>أجاب عن نفس سؤال الاختبار في «%1» خطأً %n مرة ولم يتقنه بعد.</numerusform>
            <numerusform>أجاب عن نفس سؤال الاختبار في «%1» خطأً مرة واحدة ولم يتقنه بعد.</numerusform>
            <numerusform>أجاب عن نفس سؤال الاختبار في «%1» خطأً مرتين ولم يتقنه بعد.</numerusform>
            <numerusform>أجاب عن نفس سؤال الاختبار في «%1» خطأً %n مرات ولم يتقنه بعد.</numerusform>
            <numerusform>أجاب عن نفس سؤال الاختبار في «%1» خطأً %n مرة ولم يتقنه بعد.</numerusform>
            <numerusform>أجاب عن نفس سؤال الاختبار في «%1» خطأً %n مرة ولم يتقنه بعد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The question: “%1”</source>
        <translation>السؤال: «%1»</translation>
    </message>
    <message>
        <source>Not seen for a while</source>
        <translation>لم يظهر منذ مدة</translation>
    </message>
    <message>
        <source>Stuck on a lesson</source>
        <translation>عالق في درس</translation>
    </message>
    <message>
        <source>Same quiz failed again and again</source>
        <translation>الاختبار نفسه يفشل مرارًا</translation>
    </message>
    <message>
        <source>mastered</source>
        <translation>أتقن</translation>
    </message>
    <message>
        <source>practising</source>
        <translation>يتدرّب</translation>
    </message>
    <message>
        <source>quiz not tried</source>
        <translation>اختبار لم يُجرَّب</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 د</translation>
    </message>
    <message>
        <source>Needs help when: started a course and not back for %1 days; on the same lesson for %2 days without finishing it; or the same question of a quiz answered wrongly %3 times.</source>
        <translation>يحتاج مساعدة إذا: بدأ دورة ولم يعد منذ %1 أيام؛ أو بقي على الدرس نفسه %2 أيام دون إنهائه؛ أو أجاب عن نفس سؤال اختبار خطأً %3 مرات.</translation>
    </message>
</context>
<context>
    <name>RestoreOffer</name>
    <message>
        <source>HubDesk&apos;s database on this PC is damaged, so HubDesk cannot open it.

Restore the newest good backup, from {when}? What was done on this PC after that backup stays in the damaged copy, which is kept aside.</source>
        <translation>قاعدة بيانات HubDesk على هذا الحاسوب تالفة، لذا لا يستطيع HubDesk فتحها.

استعادة أحدث نسخة احتياطية سليمة، من {when}؟ ما أُنجز على هذا الحاسوب بعد تلك النسخة يبقى في النسخة التالفة، التي تُحفظ جانبًا.</translation>
    </message>
    <message>
        <source>The backup is back in place. This PC now has a new device number: if it syncs with a hub, enrol it again with a new code from the hub.</source>
        <translation>أُعيدت النسخة الاحتياطية. لهذا الحاسوب الآن رقم جهاز جديد: إن كان يزامن مع مركز، فسجّله من جديد برمز جديد من المركز.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Light edits to the text before approving (spelling, a word)</source>
        <translation>تعديلات خفيفة على النص قبل القبول (إملاء، كلمة)</translation>
    </message>
    <message>
        <source>A comment for the learner (needed to ask for changes or decline)</source>
        <translation>تعليق للمتعلم (مطلوب لطلب تعديلات أو للرفض)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>اقبل</translation>
    </message>
    <message>
        <source>Ask for changes</source>
        <translation>اطلب تعديلات</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>ارفض</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>لا شيء ينتظرك.</translation>
    </message>
</context>
<context>
    <name>SampleInstaller</name>
    <message>
        <source>Getting the first courses ready… %1 of %2</source>
        <translation>جارٍ تجهيز الدورات الأولى… %1 من %2</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s) are ready.</source>
        <translation>
            <numerusform>لا توجد دورات جاهزة.</numerusform>
            <numerusform>دورة واحدة جاهزة.</numerusform>
            <numerusform>دورتان جاهزتان.</numerusform>
            <numerusform>%n دورات جاهزة.</numerusform>
            <numerusform>%n دورة جاهزة.</numerusform>
            <numerusform>%n دورة جاهزة.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample courses could not be installed: %1</source>
        <translation>تعذّر تثبيت الدورات النموذجية: %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching for “%1”…</source>
        <translation>جارٍ البحث عن «%1»…</translation>
    </message>
    <message>
        <source>Search did not work this time. Please try again in a moment.</source>
        <translation>لم ينجح البحث هذه المرة. حاول مجددًا بعد لحظة.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>لا نتائج لـ «%1»</numerusform>
            <numerusform>نتيجة واحدة لـ «%1»</numerusform>
            <numerusform>نتيجتان لـ «%1»</numerusform>
            <numerusform>%n نتائج لـ «%1»</numerusform>
            <numerusform>%n نتيجة لـ «%1»</numerusform>
            <numerusform>%n نتيجة لـ «%1»</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing results for “%1”. You typed “%2”.</source>
        <translation>نتائج «%1». كتبت «%2».</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>هل تقصد %1؟</translation>
    </message>
    <message>
        <source>Nothing found. Try another word, or a shorter one.</source>
        <translation>لم يُعثر على شيء. جرّب كلمة أخرى أو أقصر.</translation>
    </message>
    <message>
        <source>My note</source>
        <translation>ملاحظتي</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>درس</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>High contrast (black on white)</source>
        <translation>تباين عالٍ (أسود على أبيض)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبدًا</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>حجم النص:</translation>
    </message>
    <message>
        <source>Sign out after no use for:</source>
        <translation>الخروج بعد عدم الاستخدام لمدة:</translation>
    </message>
    <message>
        <source>Only a facilitator can change the sign-out time.</source>
        <translation>وحده الميسّر يستطيع تغيير مدة الخروج.</translation>
    </message>
    <message>
        <source>Learners are signed out after this time so the next person cannot see their work.</source>
        <translation>يُخرَج المتعلمون بعد هذه المدة حتى لا يرى الشخص التالي عملهم.</translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقتان</numerusform>
            <numerusform> دقائق</numerusform>
            <numerusform> دقيقة</numerusform>
            <numerusform> دقيقة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Who are you?</source>
        <translation>من أنت؟</translation>
    </message>
    <message>
        <source>Tap your name to begin.</source>
        <translation>المس اسمك لتبدأ.</translation>
    </message>
    <message>
        <source>Add the first person</source>
        <translation>إضافة أول شخص</translation>
    </message>
    <message>
        <source>Language and settings</source>
        <translation>اللغة والإعدادات</translation>
    </message>
    <message>
        <source>Welcome to HubDesk</source>
        <translation>مرحبًا بك في HubDesk</translation>
    </message>
    <message>
        <source>Lessons, quizzes and notes that work without internet. First, the facilitator of this computer adds themself with a password, then the learners.</source>
        <translation>دروس واختبارات وملاحظات تعمل دون إنترنت. أولًا، يضيف ميسّر هذا الحاسوب نفسه بكلمة مرور، ثم المتعلمين.</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>ميسّر</translation>
    </message>
    <message>
        <source>Nobody is here yet.</source>
        <translation>لا أحد هنا بعد.</translation>
    </message>
    <message>
        <source>← Not me</source>
        <translation>→ لست أنا</translation>
    </message>
    <message>
        <source>Use my pictures</source>
        <translation>استخدم صوري</translation>
    </message>
    <message>
        <source>Use my PIN</source>
        <translation>استخدم رمزي السري</translation>
    </message>
    <message>
        <source>Use my password</source>
        <translation>استخدم كلمة مروري</translation>
    </message>
    <message>
        <source>Tap your three pictures in order.</source>
        <translation>المس صورك الثلاث بالترتيب.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>اكتب رمزك السري.</translation>
    </message>
    <message>
        <source>Type your facilitator password.</source>
        <translation>اكتب كلمة مرور الميسّر.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
    <message>
        <source>That was not right. Please try again.</source>
        <translation>هذا غير صحيح. حاول مجددًا.</translation>
    </message>
    <message>
        <source>Something went wrong while checking. Please try again.</source>
        <translation>حدث خطأ أثناء التحقق. حاول مجددًا.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n second(s).</source>
        <translation>
            <numerusform>محاولات خاطئة كثيرة. حاول بعد %n ثانية.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول بعد ثانية واحدة.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول بعد ثانيتين.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول بعد %n ثوانٍ.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول بعد %n ثانية.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول بعد %n ثانية.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>يمكنك المحاولة الآن.</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <source>No sound device was found: the sentences are shown but cannot be heard.</source>
        <translation>لم يُعثر على جهاز صوت: تظهر الجمل لكن لا يمكن سماعها.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Sync:</source>
        <translation>المزامنة:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>زامن الآن</translation>
    </message>
    <message>
        <source>Starting a sync…</source>
        <translation>جارٍ بدء المزامنة…</translation>
    </message>
    <message>
        <source>This computer is not set up to sync yet. A facilitator can enrol it with a hub.</source>
        <translation>هذا الحاسوب غير مُعدّ للمزامنة بعد. يستطيع الميسّر تسجيله لدى مركز.</translation>
    </message>
    <message>
        <source>Sync starts a few seconds after HubDesk opens.</source>
        <translation>تبدأ المزامنة بعد ثوانٍ من فتح HubDesk.</translation>
    </message>
    <message>
        <source>Syncing now.</source>
        <translation>جارٍ المزامنة.</translation>
    </message>
    <message>
        <source>Last sync %1 ago.</source>
        <translation>آخر مزامنة منذ %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>لم تتم المزامنة بعد.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) waiting to go.</source>
        <translation>
            <numerusform>لا أحداث تنتظر الإرسال.</numerusform>
            <numerusform>حدث واحد ينتظر الإرسال.</numerusform>
            <numerusform>حدثان ينتظران الإرسال.</numerusform>
            <numerusform>%n أحداث تنتظر الإرسال.</numerusform>
            <numerusform>%n حدثًا ينتظر الإرسال.</numerusform>
            <numerusform>%n حدث ينتظر الإرسال.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub or peer this computer syncs with cannot be reached right now.</source>
        <translation>لا يمكن الوصول الآن إلى المركز أو الجهاز الذي يزامن معه هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>فشلت آخر مزامنة: %1</translation>
    </message>
    <message>
        <source>Next try in %1.</source>
        <translation>المحاولة التالية بعد %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n ثانية</numerusform>
            <numerusform>ثانية واحدة</numerusform>
            <numerusform>ثانيتان</numerusform>
            <numerusform>%n ثوانٍ</numerusform>
            <numerusform>%n ثانية</numerusform>
            <numerusform>%n ثانية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعة</numerusform>
            <numerusform>ساعة واحدة</numerusform>
            <numerusform>ساعتان</numerusform>
            <numerusform>%n ساعات</numerusform>
            <numerusform>%n ساعة</numerusform>
            <numerusform>%n ساعة</numerusform>
        </translation>
    </message>
    <message>
        <source>The syncthing program is not installed, so HubDesk syncs without it; install it (apt-get install syncthing) to sync through Syncthing.</source>
        <translation>برنامج syncthing غير مثبت، لذا يزامن HubDesk دونه؛ ثبّته (apt-get install syncthing) للمزامنة عبر Syncthing.</translation>
    </message>
    <message>
        <source>The Syncthing at %1 does not answer; HubDesk syncs without it until it does.</source>
        <translation>لا يجيب Syncthing على %1؛ يزامن HubDesk دونه إلى أن يجيب.</translation>
    </message>
    <message>
        <source>HubDesk&apos;s Syncthing could not start: %1</source>
        <translation>تعذّر تشغيل Syncthing الخاص بـ HubDesk: %1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>☰ Menu</source>
        <translation>☰ القائمة</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>Install now</source>
        <translation>ثبّت الآن</translation>
    </message>
    <message>
        <source>HubDesk %1 is ready to install.</source>
        <translation>HubDesk %1 جاهز للتثبيت.</translation>
    </message>
    <message>
        <source>This HubDesk runs from source: install the new version from the installer.</source>
        <translation>يعمل HubDesk هذا من الشيفرة المصدرية: ثبّت الإصدار الجديد من المثبّت.</translation>
    </message>
    <message>
        <source>Install HubDesk %1</source>
        <translation>ثبّت HubDesk %1</translation>
    </message>
    <message>
        <source>The learners&apos; data is backed up first, and HubDesk starts again when it is done. If something is wrong with the new version, the command &apos;hubdesk update rollback&apos; brings back this one with its data. Install now?</source>
        <translation>تُنسخ بيانات المتعلمين احتياطيًا أولًا، ثم يبدأ HubDesk من جديد عند الانتهاء. إن كان في الإصدار الجديد خلل، يعيد الأمر &apos;hubdesk update rollback&apos; هذا الإصدار مع بياناته. التثبيت الآن؟</translation>
    </message>
    <message>
        <source>Installing HubDesk %1…</source>
        <translation>جارٍ تثبيت HubDesk %1…</translation>
    </message>
    <message>
        <source>HubDesk %1 is installed. Start it again to use it.</source>
        <translation>ثُبّت HubDesk %1. شغّله من جديد لاستعماله.</translation>
    </message>
    <message>
        <source>HubDesk %1 is installed</source>
        <translation>ثُبّت HubDesk %1</translation>
    </message>
    <message>
        <source>Close HubDesk now and start the new version?</source>
        <translation>إغلاق HubDesk الآن وتشغيل الإصدار الجديد؟</translation>
    </message>
    <message>
        <source>Something went wrong. It was noted in the log.</source>
        <translation>حدث خطأ. سُجّل في السجل.</translation>
    </message>
    <message>
        <source>HubDesk was not updated: %1</source>
        <translation>لم يُحدَّث HubDesk: %1</translation>
    </message>
</context>
<context>
    <name>WebLinkDialog</name>
    <message>
        <source>This link needs the internet</source>
        <translation>هذا الرابط يحتاج إلى الإنترنت</translation>
    </message>
    <message>
        <source>This link goes to a web page. It needs the internet, which this computer may not have now.</source>
        <translation>يؤدي هذا الرابط إلى صفحة ويب. يحتاج إلى الإنترنت، وقد لا يكون متاحًا لهذا الحاسوب الآن.</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>عنوان الويب</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>انسخ الرابط</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>نُسخ.</translation>
    </message>
</context>
</TS>
