// Every text of the appeal pages, in zh-CN (the default) and English. Catalog texts come from the catalog.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Locale, Localized } from './catalog';

const zhCN = {
  'app.title': '账号安全申诉',
  'app.subtitle': '账号无法登录，或需要变更安全设置？按步骤提交申诉和证明材料，客服人工审核。',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Switch to English',
  'app.loading': '正在加载…',
  'app.loadFailed': '无法加载申诉类型，请稍后重试。',
  'app.retry': '重试',
  'nav.status': '查询申诉进度',
  'nav.newAppeal': '提交新的申诉',

  'step.kind': '遇到的问题',
  'step.subject': '认证类型',
  'step.fields': '填写信息',
  'step.materials': '上传材料',
  'step.review': '确认提交',
  'stepper.label': '申诉步骤',
  'stepper.position': '第 {n} 步，共 {total} 步',

  'kind.heading': '您遇到了什么问题？',
  'kind.intro': '请选择最符合您情况的一项。',
  'kind.sla': '人工审核，约 {days} 个工作日',

  'subject.heading': '账号的实名认证类型',
  'subject.intro': '需要提交的信息和材料取决于账号的实名认证类型。',
  'variant.heading': '具体申请哪一项？',
  'subject.preconditions': '审核时我们还会核对：',

  'fields.heading': '填写账号和申请人信息',
  'fields.intro': '带 * 的为必填项。信息须与账号的实名认证信息一致。',
  'fields.choose': '请选择',
  'contact.heading': '联系方式',
  'contact.intro': '审核结果和补充材料的通知将发送到这里。邮箱和手机号至少填写一项。',
  'contact.name': '联系人姓名',
  'contact.email': '邮箱',
  'contact.phone': '手机号',
  'contact.locale': '通知语言',
  'locale.zh-CN': '中文',
  'locale.en': '英文 (English)',

  'owner.heading': '验证账号控制权',
  'owner.optional': '选填。可加快审核：证明您能控制此账号。',
  'owner.required': '此申诉必须验证：它无需上传材料，因此要用发送到账号安全手机或安全邮箱的验证码，证明您能控制此账号。',
  'owner.how': '验证码只发送到账号已绑定的安全手机（未绑定时发送到安全邮箱），不会发送到您在此填写的联系方式。',
  'owner.needAccountId': '请先在上方填写正确的账号 ID。',
  'owner.send': '发送验证码',
  'owner.resend': '重新发送验证码',
  'owner.sending': '正在发送…',
  'owner.cooldown': '{seconds} 秒后可重新发送',
  'owner.sent': '如果该账号存在，我们已向其安全手机（未绑定手机时为安全邮箱）发送了 6 位验证码，{minutes} 分钟内有效。',
  'owner.code': '验证码',
  'owner.codeHint': '收到的 6 位数字',
  'owner.verify': '验证',
  'owner.verifying': '正在验证…',
  'owner.verified': '已验证：您能控制此账号',
  'owner.verifiedNote': '如修改账号 ID，需要重新验证。',
  'owner.codeFormat': '请输入 6 位数字验证码。',
  'owner.invalid': '验证码不正确，还可尝试 {attempts} 次。',
  'owner.invalidLast': '验证码不正确，还可尝试 1 次。',
  'owner.wrong': '验证码不正确。',
  'owner.expired': '验证码已过期或错误次数过多，请重新获取验证码。',
  'owner.rateLimited': '获取验证码过于频繁，请 {seconds} 秒后再试。',
  'owner.accountId': '账号 ID 格式不正确，请核对后再获取验证码。',

  'materials.heading': '上传证明材料',
  'materials.intro': '每项材料上传一个文件：JPEG、PNG、WebP 图片或 PDF。照片须清晰完整、彩色，勿用前置摄像头自拍。',
  'materials.none': '此类申诉无需上传材料，请直接进入下一步。',
  'materials.missing': '请上传所有必传材料（标有 * 的项目）。',
  'upload.choose': '选择文件或拍照',
  'upload.replace': '更换文件',
  'upload.remove': '移除',
  'upload.checking': '正在检查文件…',
  'upload.limits': '{types}，不超过 {size}',
  'upload.requested': '客服要求补充',
  'upload.current': '已提交的文件：{state}',
  'upload.missing': '请上传此项材料',
  'upload.pdfIcon': 'PDF 文件',
  'upload.noFile': '尚未选择文件',
  'file.empty': '文件是空的，请重新选择。',
  'file.too_large': '文件大小为 {size}，超过 {max} 的上限，请压缩后重新选择。',
  'file.wrong_type': '此文件不是 {types} 格式（按文件内容判断，不看文件名），无法上传。请重新选择。',
  'file.or': ' 或 ',
  'file.separator': '、',

  'review.heading': '核对并提交',
  'review.intro': '请核对以下信息，确认无误后提交。',
  'review.kind': '问题类型',
  'review.subject': '认证类型',
  'review.variant': '申请事项',
  'review.fields': '填写的信息',
  'review.contact': '联系方式',
  'review.materials': '材料',
  'review.noFile': '未上传',
  'review.empty': '未填写',
  'review.edit': '修改',
  'review.consent': '提交即表示您确认以上信息及材料真实有效。',
  'review.owner': '账号控制权',
  'review.ownerVerified': '已通过验证码验证',
  'review.ownerNotVerified': '未验证',

  'action.back': '上一步',
  'action.next': '下一步',
  'action.submit': '提交申诉',
  'submit.uploading': '正在上传 {percent}%',
  'submit.checking': '上传完成，正在检查材料…',
  'submit.progressLabel': '上传进度',

  'problem.INVALID_INPUT': '有些内容需要修改，请查看标出的项目。',
  'problem.UNSUPPORTED_TYPE': '有文件的格式不被接受，请查看标出的材料。',
  'problem.FILE_TOO_LARGE': '有文件过大，请查看标出的材料。',
  'problem.IMAGE_TOO_LARGE': '有图片像素过多，请查看标出的材料。',
  'problem.CORRUPT_FILE': '有文件已损坏，无法打开，请查看标出的材料。',
  'problem.RATE_LIMITED': '提交过于频繁，请在 {minutes} 分钟后再试。',
  'problem.NETWORK': '网络连接失败，请检查网络后重试。',
  'problem.NOT_FOUND': '找不到该申诉，或访问码不正确。请核对后重试。',
  'problem.APPEAL_CLOSED': '此申诉已结束，不能再补充材料。如需继续，请提交新的申诉。',
  'problem.OWNER_CODE_REQUIRED': '此申诉须先用验证码证明您能控制账号，请在“填写信息”一步获取验证码。其他已填写的内容都会保留。',
  'problem.OWNER_PROOF_INVALID': '账号验证已失效，请在“填写信息”一步重新获取验证码。其他已填写的内容都会保留。',
  'problem.other': '操作未能完成，请稍后再试。',
  'problem.detail': '详情：{message}',

  'error.required': '此项必填',
  'error.choose': '请选择一项',
  'error.not_a_string': '请填写文本',
  'error.too_long': '内容过长',
  'error.resident_id.length': '身份证号应为 18 位',
  'error.resident_id.format': '身份证号格式不正确',
  'error.resident_id.checksum': '身份证号校验位不正确，请核对',
  'error.resident_id.birth_date': '身份证号中的出生日期无效',
  'error.resident_id.under_age': '申请人须年满 18 周岁',
  'error.credit_code.length': '统一社会信用代码应为 18 位',
  'error.credit_code.format': '统一社会信用代码含有无效字符（不含 I、O、Z、S、V）',
  'error.credit_code.checksum': '统一社会信用代码校验位不正确，请核对',
  'error.mobile.format': '请填写 11 位中国大陆手机号',
  'error.email.format': '邮箱地址格式不正确',
  'error.name.control': '姓名中不能有换行或控制字符',
  'error.name.url': '姓名中不能有网址',
  'error.account_id.format': '账号 ID 应为 5 至 20 位数字',
  'error.select.not_an_option': '请从选项中选择',
  'error.contact_required': '请至少填写邮箱或手机号中的一项',
  'error.unknown_field': '不是此类申诉需要填写的项目',
  'error.unknown_kind': '不支持的申诉类型',
  'error.unknown_subject_type': '不支持的认证类型',
  'error.subject_type_not_allowed': '此类申诉不适用于该认证类型',
  'error.variant_required': '请选择具体的申请事项',
  'error.unknown_variant': '不支持的申请事项',
  'error.locale.unknown': '不支持的语言',
  'error.owner_code_required': '请先用验证码证明您能控制此账号，再继续。',
  'error.owner_proof_invalid': '验证已失效，请重新获取验证码并验证。',
  'error.owner_proof_expired': '验证已过期，请重新获取验证码并验证。',

  'done.heading': '申诉已提交',
  'done.reference': '申诉编号',
  'done.token': '访问码',
  'done.tokenWarning': '访问码只显示这一次。请立即复制并妥善保存：查询进度、补充材料都需要它，丢失后无法找回。',
  'done.copy': '复制访问码',
  'done.copied': '已复制',
  'done.copyFailed': '无法自动复制，请手动选中后复制',
  'done.next': '我们将在约 {days} 个工作日内完成审核，结果会发送到您留下的联系方式。',
  'done.checklist': '材料检查结果',
  'done.fix': '有材料未通过自动检查。请现在更换，以免耽误审核：',
  'done.statusLink': '查看申诉进度',

  'state.ok': '通过',
  'state.warn': '需留意',
  'state.fail': '未通过',
  'state.missing': '未上传',
  'checklist.complete': '必传材料已齐全。',
  'checklist.incomplete': '还有必传材料缺失或未通过检查。',

  'replace.heading': '更换或补充材料',
  'replace.send': '上传所选文件',
  'replace.sent': '已收到新的材料，检查结果已更新。',

  'status.lookupHeading': '查询申诉进度',
  'status.lookupIntro': '请输入申诉编号和提交时获得的访问码。',
  'status.reference': '申诉编号',
  'status.referenceHint': '例如 AP-20261124-0001',
  'status.token': '访问码',
  'status.tokenHint': '提交申诉时页面上显示的访问码',
  'status.open': '查询',
  'status.referenceLine': '申诉编号：{reference}',
  'status.kind': '问题类型',
  'status.submittedAt': '提交时间',
  'status.updatedAt': '最近更新',
  'status.current': '当前状态',
  'status.new': '已提交，等待受理',
  'status.triage': '受理中',
  'status.in_review': '审核中',
  'status.awaiting_customer': '待客户补充材料',
  'status.approved': '已通过',
  'status.rejected': '未通过',
  'status.closed': '已关闭',
  'status.withdrawn': '已撤回',
  'next.new': '我们已收到您的申诉，客服会尽快受理，通常在 {days} 个工作日内完成审核。',
  'next.triage': '客服正在分派您的申诉，随后开始审核，通常在 {days} 个工作日内完成。',
  'next.in_review': '客服正在审核您的信息和材料，通常在 {days} 个工作日内给出结果。',
  'next.awaiting_customer': '请按下方标出的要求补充或更换材料。收到后我们会继续审核；等待期间不计入审核时限。',
  'next.approved': '申诉已通过：{effect}。结果已发送到您的联系方式。',
  'next.rejected': '申诉未通过，原因见下方客服的消息。您可以准备好材料后重新提交申诉。',
  'next.closed': '此申诉已结束。如需继续处理，请提交新的申诉。',
  'next.withdrawn': '此申诉已撤回。如需继续处理，请提交新的申诉。',
  'status.requestedHeading': '需要您补充的材料',
  'status.materials': '材料',
  'status.messages': '沟通记录',
  'status.noMessages': '暂无消息。',
  'status.fromDesk': '客服',
  'status.fromYou': '您',
  'status.writeLabel': '给客服留言',
  'status.send': '发送',
  'status.sent': '留言已发送。',
  'status.closedNote': '此申诉已结束，不能再上传材料。',
  'status.other': '查询其他申诉',

  'objection.heading': '这是您本人的操作吗？',
  'objection.body': '有人向我们的账号安全服务台申请变更您的账号。如果不是您本人操作，请点击下方按钮：变更将被阻止，同时通知我们的主管。',
  'objection.yours': '如果是您本人申请的，无需任何操作。',
  'objection.button': '不是我本人操作，阻止变更',
  'objection.sending': '正在提交…',
  'objection.recorded': '已记录。申诉 {reference} 将不会被通过。建议您修改密码，并检查账号的安全设置。',
  'objection.recordedAt': '记录时间：{time}',
  'objection.invalid': '此链接无效或已过期。如您认为有人试图盗用您的账号，请修改密码并检查账号的安全设置。',
  'objection.used': '此链接已使用过：您的异议已记录，变更已被阻止，无需再次操作。',
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'app.title': 'Account security appeal',
  'app.subtitle': 'Locked out, or need to change a security setting? File an appeal with your evidence, step by step; an agent reviews it.',
  'app.switchLanguage': '中文',
  'app.switchLanguageLabel': '切换到中文',
  'app.loading': 'Loading…',
  'app.loadFailed': 'The kinds of appeal could not be loaded. Try again in a moment.',
  'app.retry': 'Try again',
  'nav.status': "Check an appeal's status",
  'nav.newAppeal': 'File a new appeal',

  'step.kind': 'What happened',
  'step.subject': 'Verification',
  'step.fields': 'Your details',
  'step.materials': 'Materials',
  'step.review': 'Submit',
  'stepper.label': 'Steps of the appeal',
  'stepper.position': 'Step {n} of {total}',

  'kind.heading': 'What happened?',
  'kind.intro': 'Choose the one closest to your situation.',
  'kind.sla': 'Reviewed by an agent in about {days} business days',

  'subject.heading': 'How is the account verified?',
  'subject.intro': "The details and materials we need depend on the account's real-name verification.",
  'variant.heading': 'Which case applies?',
  'subject.preconditions': 'During the review we also check:',

  'fields.heading': 'Account and applicant details',
  'fields.intro': "Fields marked * are required. They must match the account's real-name verification.",
  'fields.choose': 'Choose…',
  'contact.heading': 'How we reach you',
  'contact.intro': 'We send the result and any request for materials here. Give an email address, a phone number, or both.',
  'contact.name': 'Your name',
  'contact.email': 'Email',
  'contact.phone': 'Mobile phone',
  'contact.locale': 'Language of our messages',
  'locale.zh-CN': 'Chinese (中文)',
  'locale.en': 'English',

  'owner.heading': 'Prove you control the account',
  'owner.optional': 'Optional. Speeds up the review: proves you control the account.',
  'owner.required': "Required for this appeal: it needs no files, so a code sent to the account's security phone or email is how you show that you control it.",
  'owner.how': 'The code goes only to the security phone on file for the account (or its security email when it has none), never to the contact details you enter here.',
  'owner.needAccountId': 'Enter a valid account ID above first.',
  'owner.send': 'Send code',
  'owner.resend': 'Send a new code',
  'owner.sending': 'Sending…',
  'owner.cooldown': 'Send again in {seconds} s',
  'owner.sent': 'If the account exists, we sent a 6-digit code to its security phone (or security email when it has none). It is valid {minutes} minutes.',
  'owner.code': 'Code',
  'owner.codeHint': 'The 6 digits you received',
  'owner.verify': 'Verify',
  'owner.verifying': 'Verifying…',
  'owner.verified': 'Verified: you control this account',
  'owner.verifiedNote': 'If you change the account ID, you need a new code.',
  'owner.codeFormat': 'Enter the 6 digits of the code.',
  'owner.invalid': 'That code is not right. {attempts} tries left.',
  'owner.invalidLast': 'That code is not right. 1 try left.',
  'owner.wrong': 'That code is not right.',
  'owner.expired': 'This code has expired or was entered wrongly too often. Ask for a new code.',
  'owner.rateLimited': 'Too many codes asked for. Try again in {seconds} s.',
  'owner.accountId': 'The account ID is malformed; check it, then ask for a code.',

  'materials.heading': 'Upload your evidence',
  'materials.intro': 'One file per item: a JPEG, PNG or WebP image or a PDF. Photos must be sharp, whole and in colour; no selfies with the front camera.',
  'materials.none': 'This kind of appeal needs no materials: go on to the next step.',
  'materials.missing': 'Upload every required item (marked *).',
  'upload.choose': 'Choose a file or take a photo',
  'upload.replace': 'Replace the file',
  'upload.remove': 'Remove',
  'upload.checking': 'Checking the file…',
  'upload.limits': '{types}, up to {size}',
  'upload.requested': 'Asked for by the desk',
  'upload.current': 'File on record: {state}',
  'upload.missing': 'Upload this item',
  'upload.pdfIcon': 'PDF file',
  'upload.noFile': 'No file chosen yet',
  'file.empty': 'The file is empty; choose another one.',
  'file.too_large': 'The file is {size}; the limit is {max}. Make it smaller and choose it again.',
  'file.wrong_type': 'This file is not a {types} file (judged by its content, not its name), so it cannot be uploaded. Choose another one.',
  'file.or': ' or ',
  'file.separator': ', ',

  'review.heading': 'Check and submit',
  'review.intro': 'Check what you entered, then submit.',
  'review.kind': 'What happened',
  'review.subject': 'Verification',
  'review.variant': 'Case',
  'review.fields': 'Your details',
  'review.contact': 'How we reach you',
  'review.materials': 'Materials',
  'review.noFile': 'not uploaded',
  'review.empty': 'not given',
  'review.edit': 'Change',
  'review.consent': 'By submitting you confirm that this information and these materials are true.',
  'review.owner': 'Account control',
  'review.ownerVerified': 'verified by code',
  'review.ownerNotVerified': 'not verified',

  'action.back': 'Back',
  'action.next': 'Next',
  'action.submit': 'Submit the appeal',
  'submit.uploading': 'Uploading {percent}%',
  'submit.checking': 'Uploaded; checking the materials…',
  'submit.progressLabel': 'Upload progress',

  'problem.INVALID_INPUT': 'Some entries need changing: see the marked items.',
  'problem.UNSUPPORTED_TYPE': "A file's type is not accepted: see the marked item.",
  'problem.FILE_TOO_LARGE': 'A file is too large: see the marked item.',
  'problem.IMAGE_TOO_LARGE': 'An image has too many pixels: see the marked item.',
  'problem.CORRUPT_FILE': 'A file is damaged and cannot be opened: see the marked item.',
  'problem.RATE_LIMITED': 'Too many requests from your network; try again in {minutes} minutes.',
  'problem.NETWORK': 'The connection failed. Check your network and try again.',
  'problem.NOT_FOUND': 'No appeal matches this reference and access code. Check them and try again.',
  'problem.APPEAL_CLOSED': 'This appeal is decided and takes no more materials. File a new appeal to go on.',
  'problem.OWNER_CODE_REQUIRED': 'This appeal needs the account verified by a code: get one at the "Your details" step. Everything else you entered is kept.',
  'problem.OWNER_PROOF_INVALID': 'The account verification is no longer valid: get a new code at the "Your details" step. Everything else you entered is kept.',
  'problem.other': 'That did not work; try again in a moment.',
  'problem.detail': 'Details: {message}',

  'error.required': 'This field is required',
  'error.choose': 'Choose one',
  'error.not_a_string': 'Enter text',
  'error.too_long': 'Too long',
  'error.resident_id.length': 'A resident ID number has 18 characters',
  'error.resident_id.format': 'The resident ID number is malformed',
  'error.resident_id.checksum': 'The resident ID number’s check character is wrong',
  'error.resident_id.birth_date': 'The birth date inside the ID number is not valid',
  'error.resident_id.under_age': 'The applicant must be at least 18',
  'error.credit_code.length': 'A unified social credit code has 18 characters',
  'error.credit_code.format': 'The credit code has invalid characters (I, O, Z, S, V are never used)',
  'error.credit_code.checksum': 'The credit code’s check character is wrong',
  'error.mobile.format': 'Enter an 11-digit mainland China mobile number',
  'error.email.format': 'The email address is malformed',
  'error.name.control': 'A name cannot contain line breaks or control characters',
  'error.name.url': 'A name cannot contain a web address',
  'error.account_id.format': 'An account ID is 5 to 20 digits',
  'error.select.not_an_option': 'Choose one of the options',
  'error.contact_required': 'Give an email address or a phone number',
  'error.unknown_field': 'Not a field of this kind of appeal',
  'error.unknown_kind': 'Unknown kind of appeal',
  'error.unknown_subject_type': 'Unknown subject type',
  'error.subject_type_not_allowed': 'This kind of appeal is not available for this subject type',
  'error.variant_required': 'Choose which case applies',
  'error.unknown_variant': 'Unknown case for this kind of appeal',
  'error.locale.unknown': 'Unsupported language',
  'error.owner_code_required': 'Verify with a code that you control this account before going on.',
  'error.owner_proof_invalid': 'The verification is no longer valid. Get a new code and verify again.',
  'error.owner_proof_expired': 'The verification has expired. Get a new code and verify again.',

  'done.heading': 'Your appeal is filed',
  'done.reference': 'Reference',
  'done.token': 'Access code',
  'done.tokenWarning': 'This access code is shown only once. Copy it now and keep it safe: you need it to follow the appeal and to send more materials, and it cannot be recovered.',
  'done.copy': 'Copy the access code',
  'done.copied': 'Copied',
  'done.copyFailed': 'Could not copy; select the code and copy it by hand',
  'done.next': 'We review it in about {days} business days and send the result to the contact details you gave.',
  'done.checklist': 'What our checks found',
  'done.fix': 'Some materials failed our automatic checks. Replace them now so the review is not held up:',
  'done.statusLink': 'Follow your appeal',

  'state.ok': 'OK',
  'state.warn': 'Check',
  'state.fail': 'Failed',
  'state.missing': 'Missing',
  'checklist.complete': 'All required materials are in.',
  'checklist.incomplete': 'Some required materials are missing or failed the checks.',

  'replace.heading': 'Replace or add materials',
  'replace.send': 'Upload the chosen files',
  'replace.sent': 'We have the new materials; the checks are updated.',

  'status.lookupHeading': 'Follow your appeal',
  'status.lookupIntro': 'Enter the reference and the access code you were given when you filed the appeal.',
  'status.reference': 'Reference',
  'status.referenceHint': 'For example AP-20261124-0001',
  'status.token': 'Access code',
  'status.tokenHint': 'The access code shown when you filed the appeal',
  'status.open': 'Open',
  'status.referenceLine': 'Reference: {reference}',
  'status.kind': 'What happened',
  'status.submittedAt': 'Filed',
  'status.updatedAt': 'Last update',
  'status.current': 'Status',
  'status.new': 'Filed, waiting to be picked up',
  'status.triage': 'Being assigned',
  'status.in_review': 'Under review',
  'status.awaiting_customer': 'Waiting for your materials',
  'status.approved': 'Approved',
  'status.rejected': 'Not approved',
  'status.closed': 'Closed',
  'status.withdrawn': 'Withdrawn',
  'next.new': 'We have your appeal; an agent will pick it up soon. Reviews usually take {days} business days.',
  'next.triage': 'Your appeal is being assigned to an agent; the review usually takes {days} business days.',
  'next.in_review': 'An agent is reviewing your details and materials; expect a result within about {days} business days.',
  'next.awaiting_customer': 'Send or replace the materials marked below. The review goes on once we have them; the waiting time does not count against it.',
  'next.approved': 'Your appeal was approved: {effect}. The result was sent to your contact details.',
  'next.rejected': 'Your appeal was not approved; the desk’s message below says why. You may file a new appeal with better materials.',
  'next.closed': 'This appeal is closed. File a new appeal if you need more help.',
  'next.withdrawn': 'This appeal was withdrawn. File a new appeal if you need more help.',
  'status.requestedHeading': 'Materials we need from you',
  'status.materials': 'Materials',
  'status.messages': 'Messages',
  'status.noMessages': 'No messages yet.',
  'status.fromDesk': 'Support desk',
  'status.fromYou': 'You',
  'status.writeLabel': 'Write to the desk',
  'status.send': 'Send',
  'status.sent': 'Your message was sent.',
  'status.closedNote': 'This appeal is decided: no more materials can be sent.',
  'status.other': 'Look up another appeal',

  'objection.heading': 'Was this you?',
  'objection.body': 'Someone asked our account-security desk to change your account. If you did not, press the button: the change will be stopped and our supervisors alerted.',
  'objection.yours': 'If you asked for it yourself, there is nothing to do.',
  'objection.button': "This wasn't me: stop the change",
  'objection.sending': 'Sending…',
  'objection.recorded': 'Recorded. The appeal {reference} will not be approved. We recommend you change your password and check your security settings.',
  'objection.recordedAt': 'Recorded at {time}',
  'objection.invalid': 'This link is invalid or has expired. If you think someone is trying to take over your account, change your password and check your security settings.',
  'objection.used': 'This link was already used: your objection is recorded and the change is stopped. There is nothing more to do.',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const isMessageKey = (key: string): key is MessageKey => key in zhCN;

/**
 * A server's error text: a validator code ('resident_id.checksum') is translated; a file refusal
 * ('english / 中文') shows the half in the current language; anything else is shown as sent.
 */
export function errorText(locale: Locale, value: string): string {
  const key = `error.${value}`;
  if (isMessageKey(key)) return translate(locale, key);
  const halves = value.split(' / ');
  if (halves.length === 2) return (locale === 'en' ? halves[0] : halves[1])!.trim();
  return value;
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** A catalog text in the current language. */
  text: (value: Localized | undefined) => string;
  errorText: (value: string) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nContext provider');
  return i18n;
}

const storageKey = 'appeal.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** The language state of the page: remembered in localStorage, reflected in <html lang> and the title. */
export function useI18nState(initial: Locale = storedLocale()): I18n {
  const [locale, setLocaleState] = useState<Locale>(initial);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Without storage the choice lasts for this page only.
    }
  }, []);
  return useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      text: (value) => (value ? value[locale] || value['zh-CN'] : ''),
      errorText: (value) => errorText(locale, value),
    }),
    [locale, setLocale],
  );
}
