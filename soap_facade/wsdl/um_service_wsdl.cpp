#include "soap_facade/wsdl/um_service_wsdl.h"

#include "soap_facade/wsdl/wsdl_address.h"

namespace oofgate::soap {
namespace {

// Kept as one literal so the served document is exactly what is reviewed here; @ADDRESS@ is the
// only part that varies per request.
constexpr std::string_view kWsdl = R"WSDL(<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://schemas.microsoft.com/exchange/services/2006/messages" targetNamespace="http://schemas.microsoft.com/exchange/services/2006/messages">
  <wsdl:documentation>oofgate: Exchange Unified Messaging web service (MS-OXWUMS). Telephony operations are declared for completeness and always fault.</wsdl:documentation>
  <wsdl:types>
    <xs:schema elementFormDefault="qualified" targetNamespace="http://schemas.microsoft.com/exchange/services/2006/messages">
      <xs:complexType name="UMProperties"><xs:sequence><xs:element name="OofStatus" type="xs:boolean"/><xs:element name="MissedCallNotificationEnabled" type="xs:boolean"/><xs:element minOccurs="0" name="PlayOnPhoneDialString" type="xs:string"/><xs:element minOccurs="0" name="TelephoneAccessNumbers" type="xs:string"/><xs:element minOccurs="0" name="TelephoneAccessFolderEmail" type="xs:string"/></xs:sequence></xs:complexType>
      <xs:complexType name="UMCallInfo"><xs:sequence><xs:element name="CallState" type="tns:UMCallState"/><xs:element name="EventCause" type="tns:UMEventCause"/></xs:sequence></xs:complexType>
      <xs:simpleType name="UMCallState"><xs:restriction base="xs:string"><xs:enumeration value="Idle"/><xs:enumeration value="Connecting"/><xs:enumeration value="Alerted"/><xs:enumeration value="Connected"/><xs:enumeration value="Disconnected"/><xs:enumeration value="Incoming"/><xs:enumeration value="Transferring"/><xs:enumeration value="Forwarding"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="UMEventCause"><xs:restriction base="xs:string"><xs:enumeration value="None"/><xs:enumeration value="UserBusy"/><xs:enumeration value="NoAnswer"/><xs:enumeration value="Other"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="UMGreetingType"><xs:restriction base="xs:string"><xs:enumeration value="NormalCustom"/><xs:enumeration value="OofCustom"/></xs:restriction></xs:simpleType>
      <xs:element name="IsUMEnabled"><xs:complexType/></xs:element>
      <xs:element name="IsUMEnabledResponse"><xs:complexType><xs:sequence><xs:element name="IsUMEnabledResponse" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetUMProperties"><xs:complexType/></xs:element>
      <xs:element name="GetUMPropertiesResponse"><xs:complexType><xs:sequence><xs:element name="GetUMPropertiesResponse" type="tns:UMProperties"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetOofStatus"><xs:complexType><xs:sequence><xs:element name="status" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetOofStatusResponse"><xs:complexType/></xs:element>
      <xs:element name="SetMissedCallNotificationEnabled"><xs:complexType><xs:sequence><xs:element name="status" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetMissedCallNotificationEnabledResponse"><xs:complexType/></xs:element>
      <xs:element name="SetPlayOnPhoneDialString"><xs:complexType><xs:sequence><xs:element name="dialString" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetPlayOnPhoneDialStringResponse"><xs:complexType/></xs:element>
      <xs:element name="SetTelephoneAccessFolderEmail"><xs:complexType><xs:sequence><xs:element name="base64FolderId" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="SetTelephoneAccessFolderEmailResponse"><xs:complexType/></xs:element>
      <xs:element name="ResetPIN"><xs:complexType/></xs:element>
      <xs:element name="ResetPINResponse"><xs:complexType/></xs:element>
      <xs:element name="PlayOnPhone"><xs:complexType><xs:sequence><xs:element name="entryId" type="xs:string"/><xs:element name="DialString" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PlayOnPhoneResponse"><xs:complexType><xs:sequence><xs:element name="PlayOnPhoneResponse" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PlayOnPhoneGreeting"><xs:complexType><xs:sequence><xs:element name="GreetingType" type="tns:UMGreetingType"/><xs:element name="DialString" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PlayOnPhoneGreetingResponse"><xs:complexType><xs:sequence><xs:element name="PlayOnPhoneGreetingResponse" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetCallInfo"><xs:complexType><xs:sequence><xs:element name="CallId" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetCallInfoResponse"><xs:complexType><xs:sequence><xs:element name="GetCallInfoResponse" type="tns:UMCallInfo"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="Disconnect"><xs:complexType><xs:sequence><xs:element name="CallId" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="DisconnectResponse"><xs:complexType/></xs:element>
      <xs:element name="PlayOnPhone2"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PlayOnPhone2Response"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetPhoneCallInformation"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetPhoneCallInformationResponse"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="DisconnectPhoneCall"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="DisconnectPhoneCallResponse"><xs:complexType><xs:sequence><xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="IsUMEnabledSoapIn"><wsdl:part name="parameters" element="tns:IsUMEnabled"/></wsdl:message>
  <wsdl:message name="IsUMEnabledSoapOut"><wsdl:part name="parameters" element="tns:IsUMEnabledResponse"/></wsdl:message>
  <wsdl:message name="GetUMPropertiesSoapIn"><wsdl:part name="parameters" element="tns:GetUMProperties"/></wsdl:message>
  <wsdl:message name="GetUMPropertiesSoapOut"><wsdl:part name="parameters" element="tns:GetUMPropertiesResponse"/></wsdl:message>
  <wsdl:message name="SetOofStatusSoapIn"><wsdl:part name="parameters" element="tns:SetOofStatus"/></wsdl:message>
  <wsdl:message name="SetOofStatusSoapOut"><wsdl:part name="parameters" element="tns:SetOofStatusResponse"/></wsdl:message>
  <wsdl:message name="SetMissedCallNotificationEnabledSoapIn"><wsdl:part name="parameters" element="tns:SetMissedCallNotificationEnabled"/></wsdl:message>
  <wsdl:message name="SetMissedCallNotificationEnabledSoapOut"><wsdl:part name="parameters" element="tns:SetMissedCallNotificationEnabledResponse"/></wsdl:message>
  <wsdl:message name="SetPlayOnPhoneDialStringSoapIn"><wsdl:part name="parameters" element="tns:SetPlayOnPhoneDialString"/></wsdl:message>
  <wsdl:message name="SetPlayOnPhoneDialStringSoapOut"><wsdl:part name="parameters" element="tns:SetPlayOnPhoneDialStringResponse"/></wsdl:message>
  <wsdl:message name="SetTelephoneAccessFolderEmailSoapIn"><wsdl:part name="parameters" element="tns:SetTelephoneAccessFolderEmail"/></wsdl:message>
  <wsdl:message name="SetTelephoneAccessFolderEmailSoapOut"><wsdl:part name="parameters" element="tns:SetTelephoneAccessFolderEmailResponse"/></wsdl:message>
  <wsdl:message name="ResetPINSoapIn"><wsdl:part name="parameters" element="tns:ResetPIN"/></wsdl:message>
  <wsdl:message name="ResetPINSoapOut"><wsdl:part name="parameters" element="tns:ResetPINResponse"/></wsdl:message>
  <wsdl:message name="PlayOnPhoneSoapIn"><wsdl:part name="parameters" element="tns:PlayOnPhone"/></wsdl:message>
  <wsdl:message name="PlayOnPhoneSoapOut"><wsdl:part name="parameters" element="tns:PlayOnPhoneResponse"/></wsdl:message>
  <wsdl:message name="PlayOnPhoneGreetingSoapIn"><wsdl:part name="parameters" element="tns:PlayOnPhoneGreeting"/></wsdl:message>
  <wsdl:message name="PlayOnPhoneGreetingSoapOut"><wsdl:part name="parameters" element="tns:PlayOnPhoneGreetingResponse"/></wsdl:message>
  <wsdl:message name="GetCallInfoSoapIn"><wsdl:part name="parameters" element="tns:GetCallInfo"/></wsdl:message>
  <wsdl:message name="GetCallInfoSoapOut"><wsdl:part name="parameters" element="tns:GetCallInfoResponse"/></wsdl:message>
  <wsdl:message name="DisconnectSoapIn"><wsdl:part name="parameters" element="tns:Disconnect"/></wsdl:message>
  <wsdl:message name="DisconnectSoapOut"><wsdl:part name="parameters" element="tns:DisconnectResponse"/></wsdl:message>
  <wsdl:message name="PlayOnPhone2SoapIn"><wsdl:part name="parameters" element="tns:PlayOnPhone2"/></wsdl:message>
  <wsdl:message name="PlayOnPhone2SoapOut"><wsdl:part name="parameters" element="tns:PlayOnPhone2Response"/></wsdl:message>
  <wsdl:message name="GetPhoneCallInformationSoapIn"><wsdl:part name="parameters" element="tns:GetPhoneCallInformation"/></wsdl:message>
  <wsdl:message name="GetPhoneCallInformationSoapOut"><wsdl:part name="parameters" element="tns:GetPhoneCallInformationResponse"/></wsdl:message>
  <wsdl:message name="DisconnectPhoneCallSoapIn"><wsdl:part name="parameters" element="tns:DisconnectPhoneCall"/></wsdl:message>
  <wsdl:message name="DisconnectPhoneCallSoapOut"><wsdl:part name="parameters" element="tns:DisconnectPhoneCallResponse"/></wsdl:message>
  <wsdl:portType name="UMServiceSoap">
    <wsdl:operation name="IsUMEnabled"><wsdl:input message="tns:IsUMEnabledSoapIn"/><wsdl:output message="tns:IsUMEnabledSoapOut"/></wsdl:operation>
    <wsdl:operation name="GetUMProperties"><wsdl:input message="tns:GetUMPropertiesSoapIn"/><wsdl:output message="tns:GetUMPropertiesSoapOut"/></wsdl:operation>
    <wsdl:operation name="SetOofStatus"><wsdl:input message="tns:SetOofStatusSoapIn"/><wsdl:output message="tns:SetOofStatusSoapOut"/></wsdl:operation>
    <wsdl:operation name="SetMissedCallNotificationEnabled"><wsdl:input message="tns:SetMissedCallNotificationEnabledSoapIn"/><wsdl:output message="tns:SetMissedCallNotificationEnabledSoapOut"/></wsdl:operation>
    <wsdl:operation name="SetPlayOnPhoneDialString"><wsdl:input message="tns:SetPlayOnPhoneDialStringSoapIn"/><wsdl:output message="tns:SetPlayOnPhoneDialStringSoapOut"/></wsdl:operation>
    <wsdl:operation name="SetTelephoneAccessFolderEmail"><wsdl:input message="tns:SetTelephoneAccessFolderEmailSoapIn"/><wsdl:output message="tns:SetTelephoneAccessFolderEmailSoapOut"/></wsdl:operation>
    <wsdl:operation name="ResetPIN"><wsdl:input message="tns:ResetPINSoapIn"/><wsdl:output message="tns:ResetPINSoapOut"/></wsdl:operation>
    <wsdl:operation name="PlayOnPhone"><wsdl:input message="tns:PlayOnPhoneSoapIn"/><wsdl:output message="tns:PlayOnPhoneSoapOut"/></wsdl:operation>
    <wsdl:operation name="PlayOnPhoneGreeting"><wsdl:input message="tns:PlayOnPhoneGreetingSoapIn"/><wsdl:output message="tns:PlayOnPhoneGreetingSoapOut"/></wsdl:operation>
    <wsdl:operation name="GetCallInfo"><wsdl:input message="tns:GetCallInfoSoapIn"/><wsdl:output message="tns:GetCallInfoSoapOut"/></wsdl:operation>
    <wsdl:operation name="Disconnect"><wsdl:input message="tns:DisconnectSoapIn"/><wsdl:output message="tns:DisconnectSoapOut"/></wsdl:operation>
    <wsdl:operation name="PlayOnPhone2"><wsdl:input message="tns:PlayOnPhone2SoapIn"/><wsdl:output message="tns:PlayOnPhone2SoapOut"/></wsdl:operation>
    <wsdl:operation name="GetPhoneCallInformation"><wsdl:input message="tns:GetPhoneCallInformationSoapIn"/><wsdl:output message="tns:GetPhoneCallInformationSoapOut"/></wsdl:operation>
    <wsdl:operation name="DisconnectPhoneCall"><wsdl:input message="tns:DisconnectPhoneCallSoapIn"/><wsdl:output message="tns:DisconnectPhoneCallSoapOut"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="UMServiceSoap" type="tns:UMServiceSoap">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="IsUMEnabled"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/IsUMEnabled" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="GetUMProperties"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetUMProperties" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetOofStatus"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetMissedCallNotificationEnabled"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetMissedCallNotificationEnabled" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetPlayOnPhoneDialString"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetPlayOnPhoneDialString" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetTelephoneAccessFolderEmail"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetTelephoneAccessFolderEmail" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="ResetPIN"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="PlayOnPhone"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhone" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="PlayOnPhoneGreeting"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhoneGreeting" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="GetCallInfo"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetCallInfo" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="Disconnect"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/Disconnect" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="PlayOnPhone2"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhone2" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="GetPhoneCallInformation"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetPhoneCallInformation" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="DisconnectPhoneCall"><soap:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/DisconnectPhoneCall" style="document"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:binding name="UMServiceSoap12" type="tns:UMServiceSoap">
    <soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="IsUMEnabled"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/IsUMEnabled" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="GetUMProperties"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetUMProperties" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetOofStatus"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetMissedCallNotificationEnabled"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetMissedCallNotificationEnabled" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetPlayOnPhoneDialString"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetPlayOnPhoneDialString" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="SetTelephoneAccessFolderEmail"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/SetTelephoneAccessFolderEmail" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="ResetPIN"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="PlayOnPhone"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhone" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="PlayOnPhoneGreeting"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhoneGreeting" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="GetCallInfo"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetCallInfo" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="Disconnect"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/Disconnect" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="PlayOnPhone2"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/PlayOnPhone2" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="GetPhoneCallInformation"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/GetPhoneCallInformation" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
    <wsdl:operation name="DisconnectPhoneCall"><soap12:operation soapAction="http://schemas.microsoft.com/exchange/services/2006/messages/DisconnectPhoneCall" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="UMService">
    <wsdl:port name="UMServiceSoap" binding="tns:UMServiceSoap"><soap:address location="@ADDRESS@"/></wsdl:port>
    <wsdl:port name="UMServiceSoap12" binding="tns:UMServiceSoap12"><soap12:address location="@ADDRESS@"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
)WSDL";

}  // namespace

std::string um_service_wsdl(std::string_view service_url) { return with_address(kWsdl, service_url); }

}  // namespace oofgate::soap
